"""Forms of the employers' area: sign-up, log-in, a job posting, the company profile."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db import transaction
from django.template import loader

from core import email
from core.honeypot import HoneypotMixin
from employers.models import Employer
from images.forms import ImageUploadField, ImageUploadsMixin
from images.kinds import LOGO
from jobs import verification
from jobs.models import Company, Job
from jobs.selectors import postable_roles

DESCRIPTION_MAX_CHARS = 20_000


def _max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length


class SignUpForm(HoneypotMixin):
    # The address is also the user name, whose column is the shorter of the two.
    email = forms.EmailField(
        label="Work e-mail",
        max_length=_max_length(get_user_model(), "username"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="We send a link to confirm it before your first posting goes to review.",
    )
    password = forms.CharField(
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters; not a common password and not only digits.",
    )
    company_name = forms.CharField(
        label="Company",
        max_length=_max_length(Company, "name"),
        help_text="Type the name of your company. If it is already on the board, you join it.",
    )
    company_website = forms.URLField(
        label="Company website",
        required=False,
        max_length=_max_length(Company, "website"),
        assume_scheme="https",
        help_text="For a new company. Colleagues join it later with an address at this domain.",
    )

    field_order = ["email", "password", "company_name", "company_website", "nickname"]

    def clean_email(self) -> str:
        # Whether an account already uses the address is never said here (that would tell
        # anyone which addresses have accounts): the sign-up answers the same, and an e-mail
        # tells the address's owner (employers.accounts.register).
        return self.cleaned_data["email"].strip().lower()

    def clean_company_name(self) -> str:
        return " ".join(self.cleaned_data["company_name"].split())

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        email, password = data.get("email"), data.get("password")
        if password:
            user = get_user_model()(username=email or "", email=email or "")
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        name = data.get("company_name")
        self.company = company_named(name) if name else None
        if self.company and email and not joinable_by(self.company, email):
            where = f" at {self.company.domain}" if domain_vouched_for(self.company) else ""
            self.add_error(
                "company_name",
                f"{self.company.name} is already on the board. To join it, sign up with your "
                f"work e-mail address{where}, or ask us to add you. (Sent this form a moment "
                "ago? Then check your inbox: the first one went through.)",
            )
        return data

    @transaction.atomic
    def save(self) -> Employer:
        data = self.cleaned_data
        user = get_user_model().objects.create_user(
            username=data["email"], email=data["email"], password=data["password"]
        )
        company, created = self.company, False
        if company is None:
            company = Company.objects.create(
                name=data["company_name"], website=data["company_website"]
            )
            created = True
            # A name that looks like a company's on the board: the account is made, and the
            # company's postings wait for a moderator to clear or merge it.
            verification.hold_if_look_alike(company, user)
        return Employer.objects.create(user=user, company=company, created_company=created)


def company_named(name: str) -> Company | None:
    return Company.objects.filter(name__iexact=name).first()


def joinable_by(company: Company, email: str) -> bool:
    """Whether an address may join a company already on the board: it must be at the company's
    website domain, and that domain must be vouched for."""
    return _same_domain(email, company.domain) and domain_vouched_for(company)


def domain_vouched_for(company: Company) -> bool:
    """A company's website domain counts when editors set it up (no employer accounts yet) or
    when a confirmed member has an address there; otherwise whoever created the company could
    claim any domain and collect that domain's employees as members. Unconfirmed joiners and
    sign-ups past their confirmation link do not count (Employer.counts_for_company)."""
    if not company.domain:
        return False
    members = [m for m in company.employers.select_related("user") if m.counts_for_company]
    if not members:
        return True
    return any(m.is_verified and _same_domain(m.user.email, company.domain) for m in members)


def _same_domain(email: str, domain: str) -> bool:
    host = email.rpartition("@")[2]
    return bool(domain) and (host == domain or host.endswith(f".{domain}"))


class EmailAuthenticationForm(AuthenticationForm):
    """Log in with the e-mail address (it is also the username)."""

    username = forms.EmailField(
        label="E-mail", widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()


# The posting form's fields in groups, in order, as the page shows them.
JOB_FORM_SECTIONS = [
    ("The job", ["title", "role", "employment_type", "experience_level", "description"]),
    ("Skills", ["skills"]),
    (
        "Location",
        [
            "workplace",
            "remote_region",
            "street_address",
            "city",
            "region",
            "postal_code",
            "country",
        ],
    ),
    ("Pay", ["salary_min", "salary_max", "salary_currency", "salary_period"]),
    ("How to apply", ["apply_url", "apply_email"]),
]


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's reset form, with its message left to the outbox and the worker: the answer takes
    the same time whether or not an account has the address, and SMTP never holds it up."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html = (
            loader.render_to_string(html_email_template_name, context)
            if html_email_template_name
            else ""
        )
        email.queue(
            [
                email.Message(
                    to=to_email, subject=subject, body=body, html=html, kind="password_reset"
                )
            ]
        )


class JobForm(forms.ModelForm):
    role = forms.ModelChoiceField(
        queryset=postable_roles(),
        required=False,
        empty_label="Not sure / none of these",
        help_text="Links your posting to the role's guide and pay figures.",
    )
    description = forms.CharField(
        max_length=DESCRIPTION_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=(
            "Markdown: **bold**, *italic*, lists with “- ”, headings with “### ”, links. "
            "Say what the job is, who fits and what you offer."
        ),
    )

    class Meta:
        model = Job
        fields = [name for _, names in JOB_FORM_SECTIONS for name in names]
        labels = {"title": "Job title", "workplace": "Where the work happens"}
        help_texts = {
            "title": "As candidates would search for it: “Senior Machine Learning Engineer”.",
            "salary_min": "Postings with pay get more applicants. Leave empty to not state it.",
            "salary_max": "The top of the range; leave empty for a single figure.",
            "apply_url": "Your careers page or applicant-tracking system, https://…",
            "apply_email": "Or an address that receives applications.",
        }
        widgets = {"apply_url": forms.URLInput(attrs={"placeholder": "https://"})}

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in JOB_FORM_SECTIONS]


class CompanyForm(ImageUploadsMixin, forms.ModelForm):
    """The profile members may edit. Once set, the website (whose domain decides who may join)
    changes only through the moderators. Saved through companies.review: a company with a
    public page shows the edit once a moderator approves it."""

    logo_upload = ImageUploadField(LOGO, label="Logo")
    logo_remove = forms.BooleanField(required=False, label="Remove the logo")

    class Meta:
        model = Company
        fields = ["tagline", "headquarters", "size", "industries", "website", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.website:
            del self.fields["website"]
        if not self.instance.logo_id:
            del self.fields["logo_remove"]


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for its password: a session left open is not enough."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password
