"""The salary models move here from `roles`, data and all: the tables stay as they are (renamed
in the next migration), and their content types, with the permissions editors hold, follow."""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ["salarytitle", "titlealias", "salaryrecord", "salarystat", "unmatchedtitle"]


def move_content_types(apps, schema_editor, source="roles", target="salaries"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=target, model__in=MODELS).delete()
    ContentType.objects.filter(app_label=source, model__in=MODELS).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="salaries", target="roles")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("roles", "0004_editors_keep_salary_titles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SalaryTitle",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=120, unique=True)),
                        ("slug", models.SlugField(max_length=120, unique=True)),
                        ("key", models.CharField(editable=False, max_length=150, unique=True)),
                        ("needs_refresh", models.BooleanField(default=False, editable=False)),
                    ],
                    options={
                        "db_table": "roles_salarytitle",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="UnmatchedTitle",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("key", models.CharField(max_length=150, unique=True)),
                        (
                            "example",
                            models.CharField(help_text="One way it was written.", max_length=150),
                        ),
                        ("records", models.PositiveIntegerField()),
                    ],
                    options={
                        "db_table": "roles_unmatchedtitle",
                        "ordering": ["-records", "key"],
                    },
                ),
                migrations.CreateModel(
                    name="TitleAlias",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "alias",
                            models.CharField(
                                help_text="A job title as postings and surveys write it. Case, punctuation and level words (Senior, Jr., II…) do not matter; common abbreviations (ML, Sr.) are expanded.",
                                max_length=150,
                            ),
                        ),
                        ("key", models.CharField(editable=False, max_length=150, unique=True)),
                        (
                            "title",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="aliases",
                                to="salaries.salarytitle",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "title alias",
                        "verbose_name_plural": "title aliases",
                        "db_table": "roles_titlealias",
                        "ordering": ["alias"],
                    },
                ),
                migrations.CreateModel(
                    name="SalaryStat",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "country",
                            models.CharField(
                                blank=True, help_text="Empty: every country.", max_length=2
                            ),
                        ),
                        (
                            "level",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("entry", "Entry-level"),
                                    ("mid", "Mid-level"),
                                    ("senior", "Senior"),
                                    ("executive", "Executive"),
                                ],
                                help_text="Empty: all.",
                                max_length=10,
                            ),
                        ),
                        (
                            "year",
                            models.PositiveSmallIntegerField(default=0, help_text="0: every year."),
                        ),
                        ("count", models.PositiveIntegerField()),
                        ("postings", models.PositiveIntegerField()),
                        ("surveys", models.PositiveIntegerField()),
                        ("p10", models.PositiveIntegerField()),
                        ("p25", models.PositiveIntegerField()),
                        ("p50", models.PositiveIntegerField()),
                        ("p75", models.PositiveIntegerField()),
                        ("p90", models.PositiveIntegerField()),
                        (
                            "title",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="stats",
                                to="salaries.salarytitle",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "roles_salarystat",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("title", "country", "level", "year"),
                                name="salary_stat_one_per_cut",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("level", ""), ("year", 0), _connector="OR"),
                                name="salary_stat_level_or_year",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="SalaryRecord",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "source",
                            models.CharField(
                                choices=[("posting", "Job posting"), ("survey", "Salary survey")],
                                max_length=10,
                            ),
                        ),
                        (
                            "dataset",
                            models.CharField(
                                blank=True,
                                help_text="The survey file it came from; empty for postings.",
                                max_length=100,
                            ),
                        ),
                        (
                            "job_id",
                            models.PositiveBigIntegerField(blank=True, null=True, unique=True),
                        ),
                        ("raw_title", models.CharField(max_length=150)),
                        ("title_key", models.CharField(max_length=150)),
                        (
                            "level",
                            models.CharField(
                                choices=[
                                    ("entry", "Entry-level"),
                                    ("mid", "Mid-level"),
                                    ("senior", "Senior"),
                                    ("executive", "Executive"),
                                ],
                                max_length=10,
                            ),
                        ),
                        (
                            "employment_type",
                            models.CharField(
                                choices=[
                                    ("full_time", "Full Time"),
                                    ("part_time", "Part Time"),
                                    ("contract", "Contract"),
                                    ("freelance", "Freelance"),
                                    ("internship", "Internship"),
                                    ("temporary", "Temporary"),
                                ],
                                max_length=12,
                            ),
                        ),
                        ("year", models.PositiveSmallIntegerField()),
                        (
                            "country",
                            models.CharField(
                                help_text="ISO 3166 code of where the work is.", max_length=2
                            ),
                        ),
                        (
                            "amount_usd",
                            models.PositiveIntegerField(verbose_name="yearly salary in USD"),
                        ),
                        (
                            "title",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="records",
                                to="salaries.salarytitle",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "roles_salaryrecord",
                        "indexes": [
                            models.Index(
                                fields=["title", "country"], name="salary_record_title_country"
                            ),
                            models.Index(fields=["dataset"], name="salary_record_dataset"),
                            models.Index(fields=["raw_title"], name="salary_record_raw_title"),
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("amount_usd__gt", 0)),
                                name="salary_record_amount_positive",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("job_id__isnull", True), ("source", "survey")),
                                    models.Q(("job_id__isnull", False), ("source", "posting")),
                                    _connector="OR",
                                ),
                                name="salary_record_posting_has_job",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
