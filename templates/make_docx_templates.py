"""Write the Word templates ``annual.docx`` and ``agrement.docx`` (docxtpl tags) with python-docx.

Run from the repository root after changing a template's structure, then commit the .docx files:

    python templates/make_docx_templates.py

The context is the same as for the HTML templates (``ei_cli/documents.py``); the chart is the
``quota_chart_image`` variable (a PNG). Rows between ``{%tr for … %}`` and ``{%tr endfor %}`` repeat;
``{%p if … %}`` paragraphs are conditions. Open a generated file in Word to restyle it: keep the tags.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

HERE = Path(__file__).resolve().parent
BLUE = RGBColor(0x1B, 0x4F, 0x72)
ORANGE = RGBColor(0xE6, 0x51, 0x00)


def new_document(title: str):
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.author = "ei"
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        doc.styles[name].font.color.rgb = BLUE
    return doc


def para(doc, text: str, *, bold: bool = False, italic: bool = False, size: int | None = None,
         colour: RGBColor | None = None, align=None):
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    if colour is not None:
        run.font.color.rgb = colour
    if align is not None:
        p.alignment = align
    return p


def kv_table(doc, rows: list[tuple[str, str]]):
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[0].paragraphs[0].runs[0].bold = True
        cells[1].text = value
    doc.add_paragraph()
    return table


def loop_table(doc, headers: list[str], loop: str, cells: list[str], numeric: tuple[int, ...] = (),
               footer: list[str] | None = None):
    """A header row, a repeated row (``{%tr for loop %}`` … ``{%tr endfor %}``), an optional footer."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for i, h in enumerate(headers):
        table.rows[0].cells[i].text = h
        table.rows[0].cells[i].paragraphs[0].runs[0].bold = True
    table.add_row().cells[0].text = "{%tr for " + loop + " %}"
    row = table.add_row().cells
    for i, c in enumerate(cells):
        row[i].text = c
        if i in numeric:
            row[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table.add_row().cells[0].text = "{%tr endfor %}"
    if footer:
        row = table.add_row().cells
        for i, c in enumerate(footer):
            row[i].text = c
            if row[i].paragraphs[0].runs:
                row[i].paragraphs[0].runs[0].bold = True
            if i in numeric:
                row[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()
    return table


def bullets(doc, loop: str, text: str, *, size: int | None = None):
    doc.add_paragraph("{%p for " + loop + " %}")
    p = doc.add_paragraph(text, style="List Bullet")
    if size:
        p.runs[0].font.size = Pt(size)
    doc.add_paragraph("{%p endfor %}")


def reasons(doc, check: str):
    """A check's points to fix, then its reasons, each with its legal reference (``_reason_text``)."""
    bullets(doc, f"r in {check}.to_fix", "{{ r }}")
    bullets(doc, f"r in {check}.reasons", "{{ r }}", size=8)


def todo(doc, what: str):
    para(doc, "{{ document.to_complete | upper }}", bold=True, colour=ORANGE)
    para(doc, what, italic=True)
    for _ in range(4):
        para(doc, "…")


def identity_rows() -> list[tuple[str, str]]:
    return [
        ("Dénomination", "{{ enterprise.name }}"),
        ("Numéro d'entreprise (BCE)", "{{ enterprise.enterprise_number or '—' }}"),
        ("Forme juridique", "{{ enterprise.legal_form or '—' }}"),
        ("Région", "{{ enterprise.region }}"),
        ("Chiffre d'affaires", "{{ enterprise.turnover | euros }}"),
        ("Total du bilan", "{{ enterprise.balance_sheet_total | euros }}"),
        ("Régime légal", "{{ enterprise.regime_title }} ({{ enterprise.regime_id }})"),
    ]


def agrement_section(doc):
    loop_table(doc, ["Période d'agrément", "Début", "Fin"], "p in agrement.periods",
               ["{{ p.label }}", "{{ p.start | date_fr }}", "{{ p.end | date_fr if p.end else 'sans échéance' }}"])
    doc.add_paragraph("{%p if agrement.references %}")
    para(doc, "Durées : {{ agrement.references | join(' ; ') }}.", italic=True, size=8)
    doc.add_paragraph("{%p endif %}")


def checks_table(doc):
    loop_table(doc, ["Obligation", "Résultat", "Constat"], "c in checks",
               ["{{ c.label }}", "{{ c.compliant | verdict(c.applicable) }}", "{{ c.summary }}"])


def annual() -> Document:
    doc = new_document("Rapport d'activité annuel")
    doc.add_heading("{{ document.title }} {{ year }}", 0)
    para(doc, "{{ enterprise.name }} — entreprise d'insertion agréée ({{ enterprise.region }}) — période du "
              "{{ period.start | date_fr }} au {{ period.end | date_fr }}.")
    doc.add_paragraph("{%p if deadline %}")
    para(doc, "À remettre à l'administration au plus tard le {{ deadline | date_fr }}.", bold=True)
    doc.add_paragraph("{%p endif %}")

    para(doc, "En bref : {{ staff.fte | nombre }} ETP moyens{% if staff.provisional %} au {{ staff.end | date_fr }}{% endif %} ({{ staff.heads | compte('travailleur') }}) · "
              "{% if quota.no_agrement_year %}pas encore d'année d'agrément"
              "{% elif quota.judged_on == 'average_minimums' %}{{ quota.target_fte | nombre(beside=quota.min_target_fte) }} ETP de public cible "
              "(minimum {{ quota.min_target_fte | nombre }}){% else %}"
              "{{ quota.target_share | pourcent }} de public cible ({% if quota.share_month %}mois jugé le plus bas : "
              "{{ quota.share_month | mois }} ; {% endif %}{{ quota.required_share | pourcent }} requis){% endif %}"
              "{% if quota.provisional_note %}, {{ quota.provisional_note }}{% endif %} · "
              "{{ subsidies.total | euros if subsidies else '—' }} de subventions"
              "{% if subsidies and subsidies.incomplete %} (total incomplet){% endif %} · "
              "{% if obligations.none_applies %}aucune obligation de l'agrément ne s'applique à cette période."
              "{% else %}{{ obligations.respected | entier }} / {{ obligations.applicable | entier }} obligations "
              "respectées{% if obligations.undetermined %}, {{ obligations.undetermined | compte('indéterminée') }}"
              "{% endif %}.{% endif %}", bold=True)

    doc.add_heading("1. Identité et agrément", 1)
    kv_table(doc, identity_rows() + [
        ("Date d'agrément", "{{ enterprise.agrement_date | date_fr }}"),
        ("Agrément au {{ period.end | date_fr }}", "{{ agrement.summary }}"),
    ])
    agrement_section(doc)

    doc.add_heading("2. Synthèse des contrôles", 1)
    checks_table(doc)
    # The checks without a section of their own: their reasons here.
    doc.add_paragraph("{%p for c in checks if c.name in ('eligibility', 'enterprise') %}")
    doc.add_heading("{{ c.label }}", 2)
    reasons(doc, "c")
    doc.add_paragraph("{%p endfor %}")

    doc.add_heading("3. Personnel en chiffres", 1)
    kv_table(doc, [
        ("Travailleurs occupés pendant l'année{% if staff.provisional %} (au {{ staff.end | date_fr }}){% endif %}", "{{ staff.heads | entier }}"),
        ("Travailleurs en service au {{ staff.end | date_fr }}", "{{ staff.heads_at_end | entier }}"),
        ("Équivalents temps plein ({% if staff.provisional %}moyenne des mois jusqu'au {{ staff.end | date_fr }}{% else %}moyenne annuelle{% endif %}{% if staff.fallback_months %}, dont {{ staff.fallback_months | compte('mois-travailleur') }} sur l'etp de la feuille Personnel{% endif %})", "{{ staff.fte | nombre }} ETP"),
        ("Entrées / sorties", "{{ staff.hires | entier }} / {{ staff.exits | entier }}"),
        ("Travailleurs du public cible", "{{ staff.target_heads | entier }} ({{ staff.target_fte | nombre }} ETP)"),
        ("Encadrement et accompagnement social",
         "{{ staff.supervision_heads | entier }} ({{ staff.supervision_fte | nombre }} ETP)"),
        ("Travailleurs sous article 60 §7", "{{ staff.art60_heads | entier }}"),
    ])
    doc.add_heading("Par fonction", 2)
    loop_table(doc, ["Fonction", "Personnes", "{% if staff.provisional %}Au {{ staff.end | date_fr }}{% else %}Au 31 décembre{% endif %}", "ETP moyens"], "f in staff.by_function",
               ["{{ f.function }}", "{{ f.heads | entier }}", "{{ f.heads_at_end | entier }}", "{{ f.fte | nombre }}"],
               numeric=(1, 2, 3))
    doc.add_heading("Public cible par catégorie", 2)
    loop_table(doc, ["Catégorie", "Personnes", "ETP moyens"], "c in staff.categories",
               ["{{ c.label }}", "{{ c.heads | entier }}", "{{ c.fte | nombre }}"], numeric=(1, 2))
    doc.add_heading("Liste du personnel", 2)
    loop_table(doc, ["Travailleur", "Fonction", "Contrat", "ETP moyen", "Entrée", "Sortie", "Statut"],
               "w in staff.workers",
               ["{{ w.worker_id }}{% if document.names and w.name %} — {{ w.name }}{% endif %}", "{{ w.function }}",
                "{{ w.contract }}", "{{ w.average_fte | nombre }}", "{{ w.hire_date | date_courte }}",
                "{{ w.exit_date | date_courte if w.exit_date else '—' }}", "{{ w.category_label }}"],
               numeric=(3,))

    doc.add_heading("4. Quota de public cible", 1)
    para(doc, "{{ quota.compliant | verdict(quota.applicable) }} — {{ quota.summary or '' }}", bold=True)
    kv_table(doc, [
        ("Période des chiffres", "{{ quota.headline_year or '—' }}"),
        ("{% if quota.judged_on == 'average_minimums' %}ETP moyens (minimums){% else %}Part requise{% endif %}",
         "{% if quota.judged_on == 'average_minimums' %}public cible {{ quota.target_fte | nombre(beside=quota.min_target_fte) }} (minimum "
         "{{ quota.min_target_fte | nombre }}){% if quota.min_supervision_fte is not none %} ; encadrement "
         "{{ quota.supervision_fte | nombre(beside=quota.min_supervision_fte) }} (minimum {{ quota.min_supervision_fte | nombre }}){% endif %}"
         "{% else %}{{ quota.required_share | pourcent }}{% endif %}"),
        ("Part atteinte (public cible / total, en ETP)",
         "{{ quota.target_share | pourcent }}{% if quota.share_month %} (mois jugé le plus bas : "
         "{{ quota.share_month | mois }}){% endif %}"),
        ("ETP public cible / ETP total{% if quota.share_month %} ({{ quota.share_month | mois }}){% endif %}",
         "{{ quota.target_fte | nombre(beside=quota.min_target_fte) }} / {{ quota.total_fte | nombre }}"),
        ("ETP de public cible manquants{% if quota.share_month %} (mois le plus déficitaire){% endif %}",
         "{{ quota.shortfall_fte | nombre if quota.shortfall_fte else '—' }}"),
    ])
    loop_table(doc, ["Année d'agrément", "Du", "Au", "Part requise", "Part atteinte", "Résultat"],
               "y in quota.agrement_years",
               ["{{ y.label }}", "{{ y.start | date_courte }}", "{{ y.end | date_courte }}",
                "{% if y.judged_on == 'average_minimums' %}minimum {{ y.min_target_fte | nombre }} ETP"
                "{% else %}{{ y.required_share | pourcent }}{% endif %}",
                "{% if y.judged_on == 'average_minimums' %}{{ y.target_fte | nombre(beside=y.min_target_fte) }} ETP{% else %}"
                "{{ y.target_share | pourcent }}{% if y.share_month %} (mois jugé le plus bas : "
                "{{ y.share_month | mois }}){% endif %}{% endif %}",
                "{{ y.compliant | verdict }}"],
               numeric=(3, 4))
    para(doc, "{{ quota_chart_image }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "Barres : part du public cible, mois par mois ; trait rouge : part requise.", italic=True, size=8)
    loop_table(doc, ["Mois", "ETP public cible", "ETP total", "Part", "Part requise"], "m in quota.months",
               ["{{ m.month | mois }}", "{{ m.target_fte | nombre }}", "{{ m.total_fte | nombre }}",
                "{{ m.share | pourcent }}", "{{ (m.required_share | pourcent) if m.judged else '— (non jugé)' }}"], numeric=(1, 2, 3, 4))
    bullets(doc, "r in quota.reasons", "{{ r }}")

    doc.add_heading("5. Tension salariale", 1)
    para(doc, "{{ wages.compliant | verdict(wages.applicable) }} — {{ wages.summary }}", bold=True)
    reasons(doc, "wages")

    doc.add_heading("6. Conditions d'emploi", 1)
    para(doc, "{{ employment.compliant | verdict(employment.applicable) }} — {{ employment.summary }}", bold=True)
    reasons(doc, "employment")

    doc.add_heading("7. Suivi social", 1)
    para(doc, "{{ follow_up_check.compliant | verdict(follow_up_check.applicable) }} — "
              "{{ follow_up_check.summary }}", bold=True)
    loop_table(doc, ["Trimestre", "Entretiens individuels", "Entretiens collectifs", "Travailleurs rencontrés"],
               "q in follow_up.quarters",
               ["{{ q.quarter }}", "{{ q.individual | entier }}", "{{ q.collective | entier }}",
                "{{ q.workers_met | entier }}"], numeric=(1, 2, 3))
    kv_table(doc, [
        ("Bilans personnels et professionnels", "{{ follow_up.assessments | entier }}"),
        ("Plans de formation", "{{ follow_up.training_plans | entier }}"),
        ("Formations suivies", "{{ follow_up.trainings | entier }} ({{ follow_up.training_hours | nombre }} heures)"),
        ("Validations de compétences", "{{ follow_up.skills_validations | entier }}"),
        ("Tables rondes annuelles (type table_ronde)", "{{ follow_up.round_tables | entier }}"),
        ("Travailleurs du public cible suivis",
         "{{ follow_up.target_workers_followed | entier }} sur {{ follow_up.target_workers | entier }}"),
    ])
    doc.add_paragraph("{%p for item in follow_up_to_complete %}")
    para(doc, "À COMPLÉTER", bold=True, colour=ORANGE)
    para(doc, "{{ item }}", italic=True)
    doc.add_paragraph("{%p endfor %}")
    reasons(doc, "follow_up_check")

    doc.add_heading("8. Subventions demandées pour {{ year }}", 1)
    doc.add_paragraph("{%p if subsidies %}")
    loop_table(doc, ["Subvention", "Montant"], "s in subsidies.totals", ["{{ s.label }}", "{{ s.amount | euros }}"],
               numeric=(1,), footer=["Total", "{{ subsidies.total | euros }}"])
    doc.add_paragraph("{%p if subsidies.incomplete %}")
    para(doc, "{{ subsidies.incomplete }}", bold=True)
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p for c in subsidies.conditions %}")
    para(doc, "Condition des subventions : {{ c.compliant | verdict }} — {{ c.summary }}", bold=True)
    bullets(doc, "r in c.reasons", "{{ r }}", size=8)
    doc.add_paragraph("{%p endfor %}")
    loop_table(doc, ["Subvention", "Travailleur", "Base de calcul", "Montant", "Notes"], "l in subsidies.lines",
               ["{{ l.label }}", "{{ l.worker_id or '—' }}", "{{ l.basis }}", "{{ l.amount | euros }}",
                "{{ l.marks }}"], numeric=(3,))
    doc.add_paragraph("{%p if subsidies.line_notes %}")
    para(doc, "Notes du détail :", size=8)
    bullets(doc, "n in subsidies.line_notes", "({{ n.number }}) {{ n.text }}")
    doc.add_paragraph("{%p endif %}")
    bullets(doc, "u in subsidies.unknown",
            "Non calculable : {{ u.label }}{% if u.who %} ({{ u.who }}){% endif %} : {{ u.reason }}")
    doc.add_paragraph("{%p if subsidies.references %}")
    para(doc, "Références :", size=8)
    bullets(doc, "k in subsidies.references", "{{ k.label }} : {{ k.references | join(' ; ') }}.", size=8)
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if subsidies.notes %}")
    para(doc, "Remarques :", size=8)
    bullets(doc, "n in subsidies.notes", "{{ n }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p else %}")
    para(doc, "Subventions non calculées.")
    doc.add_paragraph("{%p endif %}")

    doc.add_paragraph("{%p if warning_groups %}")
    doc.add_heading("Avertissements", 1)
    bullets(doc, "w in warning_groups", "{{ w.text }}")
    doc.add_paragraph("{%p endif %}")
    para(doc, "Document produit par ei {{ document.ei_version }} le {{ document.generated_on | date_fr }} à partir du "
              "classeur de l'entreprise. Travailleurs désignés par leur identifiant"
              "{% if document.names %} et leur nom{% endif %}. Chaque chiffre légal vient du régime "
              "{{ enterprise.regime_id }} (voir « ei regimes {{ enterprise.regime_id }} »).", italic=True, size=8)
    return doc


def agrement() -> Document:
    doc = new_document("Demande d'agrément")
    doc.add_heading("{{ document.title }}", 0)
    para(doc, "{{ enterprise.name }} — entreprise d'insertion ({{ enterprise.region }}). Chiffres tirés du classeur "
              "de l'entreprise pour l'année {{ year }} ; les sections « {{ document.to_complete }} » sont à remplir.")

    doc.add_heading("1. Identité du demandeur", 1)
    kv_table(doc, identity_rows())
    todo(doc, "Siège social et sièges d'exploitation ; personne de contact ; composition du conseil "
              "d'administration ; statuts et agrément comme entreprise sociale (le cas échéant).")

    doc.add_heading("2. Agrément", 1)
    kv_table(doc, [("Date du premier agrément", "{{ enterprise.agrement_date | date_fr }}"),
                   ("Situation", "{{ agrement.summary }}")])
    agrement_section(doc)

    doc.add_heading("3. Description du projet", 1)
    todo(doc, "Activités de production de biens ou de services ; projet d'insertion socioprofessionnelle du "
              "public cible ; valeur ajoutée sociale.")
    doc.add_heading("4. Perspectives de commercialisation et de rentabilité", 1)
    todo(doc, "Marché, clientèle, concurrence, prix ; chiffre d'affaires attendu ; seuil de rentabilité ; viabilité.")
    doc.add_heading("5. Moyens matériels", 1)
    todo(doc, "Locaux, équipements, véhicules, investissements prévus et leur financement.")

    doc.add_heading("6. Moyens humains et encadrement du public cible", 1)
    kv_table(doc, [
        ("Travailleurs occupés en {{ year }}{% if staff.provisional %} (au {{ staff.end | date_fr }}){% endif %}", "{{ staff.heads | entier }}"),
        ("Travailleurs en service au {{ staff.end | date_fr }}", "{{ staff.heads_at_end | entier }}"),
        ("Équivalents temps plein (moyenne {{ year }}{% if staff.provisional %} des mois jusqu'au {{ staff.end | date_fr }}{% endif %}{% if staff.fallback_months %}, dont {{ staff.fallback_months | compte('mois-travailleur') }} sur l'etp de la feuille Personnel{% endif %})", "{{ staff.fte | nombre }} ETP"),
        ("Encadrement et accompagnement social",
         "{{ staff.supervision_heads | compte('personne') }}, {{ staff.supervision_fte | nombre }} ETP"),
        ("Travailleurs du public cible", "{{ staff.target_heads | compte('personne') }}, {{ staff.target_fte | nombre }} ETP"),
        ("Quota de public cible ({{ quota.headline_year or year }})",
         "{% if quota.no_agrement_year %}pas encore d'année d'agrément"
         "{% elif quota.judged_on == 'average_minimums' %}{{ quota.target_fte | nombre(beside=quota.min_target_fte) }} ETP de public cible "
         "(minimum {{ quota.min_target_fte | nombre }}){% if quota.min_supervision_fte is not none %}, "
         "{{ quota.supervision_fte | nombre(beside=quota.min_supervision_fte) }} ETP d'encadrement (minimum {{ quota.min_supervision_fte | nombre }})"
         "{% endif %}{% else %}"
         "{{ quota.target_share | pourcent }}{% if quota.share_month %} (mois jugé le plus bas : "
         "{{ quota.share_month | mois }}){% endif %} pour {{ quota.required_share | pourcent }} requis{% endif %}"
         "{% if quota.provisional_note %}, {{ quota.provisional_note }}{% endif %} — "
         "{{ quota.compliant | verdict(quota.applicable) }}"),
    ])
    loop_table(doc, ["Fonction", "Personnes", "ETP moyens"], "f in staff.by_function",
               ["{{ f.function }}", "{{ f.heads | entier }}", "{{ f.fte | nombre }}"], numeric=(1, 2))
    loop_table(doc, ["Public cible par catégorie", "Personnes", "ETP moyens"], "c in staff.categories",
               ["{{ c.label }}", "{{ c.heads | entier }}", "{{ c.fte | nombre }}"], numeric=(1, 2))
    doc.add_heading("Respect des conditions en {{ year }}", 2)
    checks_table(doc)
    doc.add_paragraph("{%p for c in checks %}")
    # What to fix first, as the annual report prints it (``reasons``: its to_fix bullets), then the reasons.
    doc.add_paragraph("{%p if c.to_fix %}")
    para(doc, "{{ c.label }} — à corriger :")
    bullets(doc, "r in c.to_fix", "{{ r }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if (quota.reasons if c.name == 'quota' else c.reasons) %}")
    para(doc, "{{ c.label }} — règles appliquées et constats :", size=8)
    bullets(doc, "r in (quota.reasons if c.name == 'quota' else c.reasons)", "{{ r }}", size=8)
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if conditions_to_complete %}")
    doc.add_heading("Autres conditions de l'agrément", 2)
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p for c in conditions_to_complete %}")
    todo(doc, "{{ c }}")
    doc.add_paragraph("{%p endfor %}")
    todo(doc, "Organisation de l'encadrement et plan d'accompagnement socioprofessionnel du public cible : qui "
              "encadre qui, formations prévues, partenariats (FOREm / Actiris, CPAS, opérateurs d'insertion).")

    doc.add_heading("7. Compétences et expérience du gestionnaire", 1)
    todo(doc, "Parcours, diplômes et expérience du gestionnaire, notamment en gestion ; formation en gestion "
              "d'entreprise d'économie sociale.")

    doc.add_heading("8. {{ budget.plan_title }}", 1)
    doc.add_paragraph("{%p if budget.plan_reference %}")
    para(doc, "Référence : {{ budget.plan_reference }}.", italic=True, size=8)
    doc.add_paragraph("{%p endif %}")
    posts = ["Chiffre d'affaires", "Subventions", "Charges salariales", "Autres charges", "Résultat",
             "Investissements", "Trésorerie de fin d'année"]
    table = doc.add_table(rows=1 + len(posts), cols=4)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "Poste"
    for i in range(3):  # three columns, as the regimes' plan (agrement.application_financial_plan_years)
        table.rows[0].cells[i + 1].text = "{{ budget.plan_years[%d] if budget.plan_years | length > %d else '' }}" % (i, i)
    for r, post in enumerate(posts, start=1):
        table.rows[r].cells[0].text = post
    doc.add_paragraph()
    todo(doc, "Compléter le tableau et joindre les hypothèses du plan financier.")

    doc.add_heading("9. {{ budget.label }}", 1)
    doc.add_paragraph("{%p if budget.reference %}")
    para(doc, "Référence : {{ budget.reference }}.", italic=True, size=8)
    doc.add_paragraph("{%p endif %}")
    todo(doc, "Budget détaillé (produits et charges par poste), à joindre en annexe.")

    doc.add_paragraph("{%p if warning_groups %}")
    doc.add_heading("Avertissements", 1)
    bullets(doc, "w in warning_groups", "{{ w.text }}")
    doc.add_paragraph("{%p endif %}")
    para(doc, "Document produit par ei {{ document.ei_version }} le {{ document.generated_on | date_fr }}.",
         italic=True, size=8)
    return doc


def main(target: Path = HERE) -> None:
    annual().save(str(target / "annual.docx"))
    agrement().save(str(target / "agrement.docx"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
