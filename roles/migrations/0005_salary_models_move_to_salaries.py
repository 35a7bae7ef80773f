"""The salary models now belong to the `salaries` app; their tables and rows stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0004_editors_keep_salary_titles"),
        ("salaries", "0001_move_from_roles"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(
                    model_name="salaryrecord",
                    name="salary_record_title_country",
                ),
                migrations.RemoveIndex(
                    model_name="salaryrecord",
                    name="salary_record_dataset",
                ),
                migrations.RemoveIndex(
                    model_name="salaryrecord",
                    name="salary_record_raw_title",
                ),
                migrations.RemoveConstraint(
                    model_name="salaryrecord",
                    name="salary_record_amount_positive",
                ),
                migrations.RemoveConstraint(
                    model_name="salaryrecord",
                    name="salary_record_posting_has_job",
                ),
                migrations.RemoveConstraint(
                    model_name="salarystat",
                    name="salary_stat_one_per_cut",
                ),
                migrations.RemoveConstraint(
                    model_name="salarystat",
                    name="salary_stat_level_or_year",
                ),
                migrations.RemoveField(
                    model_name="titlealias",
                    name="title",
                ),
                migrations.DeleteModel(
                    name="UnmatchedTitle",
                ),
                migrations.RemoveField(
                    model_name="salaryrecord",
                    name="title",
                ),
                migrations.RemoveField(
                    model_name="salarystat",
                    name="title",
                ),
                migrations.DeleteModel(
                    name="TitleAlias",
                ),
                migrations.DeleteModel(
                    name="SalaryRecord",
                ),
                migrations.DeleteModel(
                    name="SalaryStat",
                ),
                migrations.DeleteModel(
                    name="SalaryTitle",
                ),
            ],
            database_operations=[],
        ),
    ]
