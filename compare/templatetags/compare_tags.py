from django import template

from compare.pairs import pair_url

register = template.Library()


@register.inclusion_tag("compare/includes/picker.html")
def compare_picker(role) -> dict:
    """A role page's "Compare with…" form: a plain GET to the comparison index, which sends it
    on to the pair's page. The other roles come with the role (`with_other_roles()`)."""
    return {"role": role, "others": role.other_roles}


@register.inclusion_tag("compare/includes/guide_links.html")
def compare_links(guide) -> dict:
    """Comparison links beside a guide: its pair's live figures, and each role's other pairs."""
    roles = guide.public_roles
    pair = pair_url(roles[0].slug, roles[1].slug) if len(roles) == 2 else ""
    return {"roles": roles, "pair_url": pair}
