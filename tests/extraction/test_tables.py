"""Figures in plain-text tables take what they count from their column, the place and
day from their row."""

from datetime import date

from claims_app.extraction.claims import extract_claims
from claims_app.extraction.tables import find_tables

TABLE = """Annex: incidents recorded in the valley

Date         District    Village            Killed   Injured
04/02/2025   Arvo        Lesna                  9         3
11/02/2025   Arvo        Temi camp          12-15         -
19/02/2025   Orna        Vask                  14       20+
Total                                          35        23
"""


def test_rows_know_their_place_day_and_columns():
    rows = sorted(find_tables(TABLE).values())
    assert [(r.place, r.day) for r in rows] == [
        ("Lesna", date(2025, 2, 4)), ("Temi camp", date(2025, 2, 11)),
        ("Vask", date(2025, 2, 19)), (None, None),
    ]  # fmt: skip
    assert [c.category for c in rows[0].cells] == ["killed", "injured"]


def test_cells_become_claims_with_their_column_s_category():
    claims = [c for c in extract_claims(TABLE, date(2025, 3, 1)) if c.kind == "numeric"]
    got = [(c.quote, c.value, c.value_max, c.qualifier, c.category, c.location, c.event_date)
           for c in claims]  # fmt: skip
    assert got == [
        ("9", 9, None, "exact", "killed", "Lesna", "2025-02-04"),
        ("3", 3, None, "exact", "injured", "Lesna", "2025-02-04"),
        ("12-15", 12, 15, "range", "killed", "Temi camp", "2025-02-11"),
        ("14", 14, None, "exact", "killed", "Vask", "2025-02-19"),
        ("20+", 20, None, "at_least", "injured", "Vask", "2025-02-19"),
        ("35", 35, None, "exact", "killed", None, None),
        ("23", 23, None, "exact", "injured", None, None),
    ]


def test_a_title_names_what_generic_columns_count():
    text = (
        "Table 2. Displaced population by district of origin\n\n"
        "District of origin     Households    Individuals\n"
        "Arvo                        1 301          5 704\n"
    )
    claims = extract_claims(text, date(2025, 3, 1))
    assert [(c.value, c.category, c.location) for c in claims] == [
        (1301, "displaced", "Arvo"), (5704, "displaced", "Arvo"),
    ]  # fmt: skip


def test_key_figure_lines_are_no_table():
    text = "KEY FIGURES\n\n46,000      People displaced in Arvo\n3.8M        People in need\n"
    assert find_tables(text) == {}


CASES = """Table 2. Suspected cases by state, week 14

State               Cases     Week
White Nile          1 018       14
Khartoum              402       14
Total               1 420       14
"""


def test_a_column_of_cases_counts_cases_and_a_week_column_counts_nothing():
    """A header that names no harm still says what its figures count ("Cases"); a week,
    a year or a code is no count."""
    claims = [c for c in extract_claims(CASES, date(2025, 4, 9)) if c.kind == "numeric"]
    got = [(c.quote, c.value, c.unit, c.category, c.location) for c in claims]
    assert got == [
        ("1 018", 1018, "other:cases", "other", "White Nile"),
        ("402", 402, "other:cases", "other", "Khartoum"),
        ("1 420", 1420, "other:cases", "other", None),
    ]


ARRIVALS = """Refugees from South Kivu keep crossing into Burundi; 800 refugees arrived on Monday
and asylum requests doubled.

ARRIVALS BY ENTRY POINT (cumulative since 14 February)

Entry point                               Individuals
Gatumba (Bujumbura province)                   41,260
Other crossing points                           2,895
"""


def test_arrivals_on_a_page_about_refugees_are_refugees_at_their_entry_point():
    claims = [c for c in extract_claims(ARRIVALS, date(2025, 3, 11)) if c.kind == "numeric"]
    got = {c.quote: (c.category, c.location) for c in claims}
    assert got["41,260"] == ("refugees", "Gatumba (Bujumbura province)")
    assert got["2,895"] == ("refugees", "Burundi")  # no place of its own: the page's country


FUNDING = """Requirements and funding by sector, 2025 (US$ million)
Source: financial tracking, data as of 2025-07-14

Sector              Required     % funded
Food Security          312.4          31%
Health                  88.7          17%
Total                  401.1          28%
"""


def test_a_funding_table_s_cells_are_dollars_at_its_caption_s_scale_and_shares():
    found = {c.quote: c for c in extract_claims(FUNDING, date(2025, 7, 16)) if c.kind == "numeric"}
    assert list(found) == ["312.4", "31%", "88.7", "17%", "401.1", "28%"]
    assert (found["312.4"].value, found["312.4"].unit) == (312_400_000, "other:dollars")
    assert found["88.7"].value == 88_700_000  # exact: no float residue
    share = found["31%"]
    assert (share.value, share.unit, share.category) == (31, "percent", "other")
    # with no currency in the caption, a column of figures is no money
    plain = FUNDING.replace(" (US$ million)", "")
    assert "312.4" not in {c.quote for c in extract_claims(plain, date(2025, 7, 16))}


TITLED = """Table 1. Casualties by district, May 2025

District        Killed   Injured
Arvo                 4         7

Table 2. Casualties by age and sex, May 2025

Boys (under 18)       12
Women                  3

Heavy rain fell on 2 May.
"""


def test_a_table_title_s_month_dates_its_rows_and_a_titled_list_of_figures_is_a_table():
    found = [c for c in extract_claims(TITLED, date(2025, 6, 10)) if c.kind == "numeric"]
    got = [(c.quote, c.category, c.event_date) for c in found]
    assert got == [
        ("4", "killed", "2025-05"), ("7", "injured", "2025-05"),
        ("12", "casualties", "2025-05"), ("3", "casualties", "2025-05"),
    ]  # fmt: skip
    # no "Table N." title, no table: a line of prose ending in a figure stays prose
    assert find_tables("Boys (under 18)       12\nWomen      3\n") == {}


def test_a_row_with_no_place_of_its_own_is_the_country_the_report_is_about():
    text = "Somalia: flood response, 16 July 2025\n\n" + FUNDING
    found = {c.quote: c for c in extract_claims(text, date(2025, 7, 16)) if c.kind == "numeric"}
    assert found["312.4"].location == "Somalia"
    rows = {c.quote: c.location for c in extract_claims(TABLE, date(2025, 3, 1))}
    assert rows["9"] == "Lesna"  # a row's own place first


def test_a_table_s_source_line_is_who_its_figures_are_from():
    found = [c for c in extract_claims(FUNDING, date(2025, 7, 16)) if c.kind == "numeric"]
    assert {c.attributed_to for c in found} == {"financial tracking"}
    below = TABLE + "Source: Valley Health Office (VHO).\n"
    assert {c.attributed_to for c in extract_claims(below, date(2025, 3, 1))} == {
        "Valley Health Office"
    }


PIPED = """Incidents in the reporting month.

Table 3: Civilian casualties by district, April 2025 (PMN)

| District      | Casualties | Main cause        |
|---------------|-----------:|-------------------|
| Arvo          |         19 | Shelling          |
| Belmont       |          6 | Mines, ERW        |
| Total         |         25 |                   |
"""


def test_a_table_typed_with_pipes_reads_as_a_table():
    """Markdown-style rows: the pipes part the cells, the rule under the header is no
    row, the title's month dates the rows and its bracketed acronym is the source."""
    found = [c for c in extract_claims(PIPED, date(2025, 5, 9)) if c.kind == "numeric"]
    got = [(c.quote, c.category, c.location, c.event_date, c.attributed_to) for c in found]
    assert got[:2] == [
        ("19", "casualties", "Arvo", "2025-04", "PMN"),
        ("6", "casualties", "Belmont", "2025-04", "PMN"),
    ]
    assert got[2][:2] == ("25", "casualties")
    assert "3" not in [c.quote for c in found]  # the table's number is no figure


ENTRY_POINTS = """Arrivals by entry point, 1-15 June 2025

Entry point        Province        Individuals
Temi               Norland              4 210
Basso              Easthill             1 905
"""


def test_a_row_is_placed_at_its_finest_column_not_the_last():
    found = [c for c in extract_claims(ENTRY_POINTS, date(2025, 6, 18)) if c.kind == "numeric"]
    assert [(c.quote, c.location) for c in found] == [("4 210", "Temi"), ("1 905", "Basso")]


NEEDS = """Lowland Plains: needs overview, 2 August 2025

Table 4. Needs and targets by cluster, 2025 (US$ million)

CLUSTER              PEOPLE IN NEED    PEOPLE TARGETED    REQ. (US$ M)
Shelter                   1,204,000            610,500           88.2
Nutrition                   433,000            402,000           51.75
"""


def test_people_in_need_and_targeted_columns_count_people_and_req_is_money():
    found = {c.quote: c for c in extract_claims(NEEDS, date(2025, 8, 2)) if c.kind == "numeric"}
    assert [q for q in found if q != "2025"] == [
        "1,204,000", "610,500", "88.2", "433,000", "402,000", "51.75",
    ]  # fmt: skip
    need, target, money = found["1,204,000"], found["610,500"], found["88.2"]
    assert (need.value, need.unit, need.category) == (1_204_000, "people", "at_risk")
    assert (target.value, target.unit, target.category) == (610_500, "people", "other")
    assert (money.value, money.unit, money.category) == (88_200_000, "other:dollars", "other")
    assert found["51.75"].value == 51_750_000


MONTHLY = """Table 2. Security incidents affecting aid operations by province

Province          April 2025    March 2025
Ostra                    31            22
Velen                     6             9
"""


def test_a_column_headed_by_a_month_dates_its_figures_and_is_no_row_of_figures():
    rows = sorted(find_tables(MONTHLY).values())
    assert [r.place for r in rows] == ["Ostra", "Velen"]
    found = [c for c in extract_claims(MONTHLY, date(2025, 5, 3)) if c.kind == "numeric"]
    got = [(c.quote, c.location, c.event_date) for c in found]
    assert got == [
        ("31", "Ostra", "2025-04"), ("22", "Ostra", "2025-03"),
        ("6", "Velen", "2025-04"), ("9", "Velen", "2025-03"),
    ]  # fmt: skip
    # a line holding a figure that is no month or year is a row, never a header
    assert find_tables("Ostra        31       22\nVelen         6        9\n") == {}
    with_counts = MONTHLY.replace("April 2025", "April 2025 ").replace("March 2025", "Total 30")
    assert sorted(find_tables(with_counts)) == []


def test_an_html_table_is_read_as_a_table_by_column_and_row():
    from claims_app.extraction.decode import read_page
    from claims_app.extraction.page_claims import extract_page

    html = (
        "<html><head><title>Flood update</title></head><body><article>"
        "<h1>Floods in the Orsa valley: 40 dead</h1><time datetime='2025-09-03'>3 September"
        " 2025</time><p>Floods swept through the Orsa valley on Monday night after days of "
        "heavy rain, the disaster management office said on Wednesday in its latest update."
        "</p><table><caption>Table 1: Casualties and damaged houses by district</caption>"
        "<thead><tr><th>District</th><th>Deaths</th><th>Injured</th><th>Missing</th>"
        "<th>Houses damaged</th></tr></thead><tbody>"
        "<tr><td>Arvo</td><td>31</td><td>112</td><td>6</td><td>2,304</td></tr>"
        "<tr><td>Lesna</td><td>9</td><td>40</td><td>2</td><td>871</td></tr>"
        "</tbody></table><p>Relief teams reached both districts on Tuesday morning.</p>"
        "</article></body></html>"
    )
    page = read_page(html.encode(), "flood.html")
    assert "| Arvo | 31 | 112 | 6 | 2,304 |\n| Lesna |" in page.text  # rows kept together
    found = {(c.claim.sentence.split("|")[1].strip(), c.claim.quote): c.claim
             for c in extract_page(page.text, page.published_on)
             if c.claim.kind == "numeric" and c.claim.sentence.startswith("|")}  # fmt: skip
    got = {k: (v.category, v.location) for k, v in found.items()}
    assert got[("Arvo", "31")] == ("killed", "Arvo")
    assert got[("Arvo", "112")] == ("injured", "Arvo")  # the nth cell is the nth column
    assert got[("Arvo", "6")] == ("other", "Arvo")  # missing: no toll, whatever the title
    assert got[("Lesna", "871")] == ("facilities_hit", "Lesna")


def test_a_title_s_bare_year_dates_the_rows_over_a_source_line_s_day():
    text = (
        "Requirements and funding by sector, 2025 (US$ million)\n"
        "Source: FTS, data as of 2025-07-14\n\n"
        "Sector              Required     % funded\n"
        "Food Security          312.4          31%\n"
        "Health                  88.7          17%\n"
    )
    found = [c for c in extract_claims(text, date(2025, 7, 16)) if c.kind == "numeric"]
    assert [(c.quote, c.event_date) for c in found] == [
        ("312.4", "2025"), ("31%", "2025"), ("88.7", "2025"), ("17%", "2025"),
    ]  # fmt: skip


def test_access_incidents_are_constraints_reported_not_attacks():
    text = (
        "Table 3. Access incidents by district\n\n"
        "District        April    March\n"
        "Arvo               16       11\n"
        "Orna                4        9\n"
    )
    claims = [c for c in extract_claims(text, date(2025, 5, 2)) if c.kind == "numeric"]
    assert {c.category for c in claims} == {"other"}
    assert [c.value for c in claims] == [16, 11, 4, 9]


def test_a_column_of_ceasefire_violations_counts_attacks():
    text = (
        "Consequences of ceasefire violations by district, 20 April-10 May 2025\n\n"
        "District      Violations     Civilians      Houses\n"
        "              recorded       killed         damaged\n"
        "Tavrin             96             11             88\n"
        "Medzor             71              6             64\n"
    )
    claims = [c for c in extract_claims(text, date(2025, 5, 12)) if c.kind == "numeric"]
    assert [(c.value, c.category) for c in claims][:3] == [
        (96, "attacks"),
        (11, "killed"),
        (88, "facilities_hit"),
    ]


def test_columns_that_name_no_noun_count_what_the_title_names():
    text = (
        "Table 2. Grave violations against children by district, 1 January - 31 March 2025\n\n"
        "District          Verified    Unverified\n"
        "Arvo                   41           12\n"
        "Orna                   17            5\n"
    )
    claims = [c for c in extract_claims(text, date(2025, 4, 20)) if c.kind == "numeric"]
    assert [(c.value, c.unit, c.location) for c in claims] == [
        (41, "other:violations", "Arvo"), (12, "other:violations", "Arvo"),
        (17, "other:violations", "Orna"), (5, "other:violations", "Orna"),
    ]  # fmt: skip


def test_a_list_under_a_title_naming_its_currency_and_scale_holds_whole_sums():
    text = (
        "CONTRIBUTIONS RECEIVED BY DONOR (US$ million)\n\n"
        "Norway ................................ 41.7\n"
        "Japan                                   18.05\n"
        "Pooled funds .......................... 9\n"
    )
    got = [(c.quote, c.value, c.unit) for c in extract_claims(text, date(2026, 3, 1))]
    assert got == [
        ("41.7", 41_700_000, "other:dollars"),
        ("18.05", 18_050_000, "other:dollars"),
        ("9", 9_000_000, "other:dollars"),
    ]


def test_an_age_column_labels_its_rows_and_a_population_table_counts_people():
    text = (
        "Table 2. Site population by sex and age\n\n"
        "Age group        Female       Male      Total\n"
        "0-4                 310        296        606\n"
        "60+                  88         71        159\n"
    )
    got = [(c.quote, c.unit) for c in extract_claims(text, date(2026, 3, 1))]
    assert got == [("310", "people"), ("296", "people"), ("606", "people"),
                   ("88", "people"), ("71", "people"), ("159", "people")]  # fmt: skip


def test_a_table_indented_as_a_pdf_sets_it_is_read_as_one():
    from claims_app.extraction.claims import extract_claims

    text = (
        "Table 2 summarizes the attacks documented by the Panel, by state.\n\n"
        "   Table 2\n   Attacks on civilians, March 2024\n\n"
        "   State               Incidents    Civilians killed\n"
        "   North Darfur             104               2 620\n"
        "   South Darfur              38                 540\n"
    )
    found = {c.quote: (c.category, c.location) for c in extract_claims(text, None)}
    assert found["2 620"] == ("killed", "North Darfur")
    assert found["38"] == ("attacks", "South Darfur")


def test_a_table_of_displacement_sites_counts_displaced_people():
    from claims_app.extraction.claims import extract_claims

    text = (
        "Table 1. The largest sites, 5-11 May 2025\n\n"
        "Site             District         Households   Individuals   Arrivals   Latrines\n"
        "Al-Sawabeen      Marib City            1 210         7 460        212         40\n"
    )
    found = {c.quote: c.category for c in extract_claims(text, None)}
    assert found["7 460"] == found["212"] == found["1 210"] == "displaced"
    assert found["40"] != "displaced"  # latrines are no people


def test_a_site_is_finer_than_the_district_it_lies_in():
    table = (
        "Site            District        Households   Individuals\n"
        "Tal Hamra       Arvo City            1 204         7 310\n"
        "Bir Salem       Orna                   388         2 150\n"
    )
    rows = sorted(find_tables(table).values())
    assert [r.place for r in rows] == ["Tal Hamra", "Bir Salem"]


def test_a_header_wrapped_onto_a_second_line_is_one_header():
    table = (
        "Table 3: Schools by governorate, as of 30 June 2025\n\n"
        "Governorate          Schools damaged   Children out of   Teachers\n"
        "                     or destroyed      school (est.)     unpaid\n"
        "Taizz                      412           512,000          14,870\n"
        "Marib                      167           143,200           3,940\n"
    )
    rows = sorted(find_tables(table).values())
    assert [r.place for r in rows] == ["Taizz", "Marib"]
    # the wrapped words complete the header: the damaged schools are facilities hit,
    # the children out of school are not
    assert [c.category for c in rows[0].cells] == ["facilities_hit", "other", "other"]


def test_a_caption_that_names_no_count_leaves_it_to_the_heading_above():
    # trafilatura writes an HTML table's <caption> as a piped row above the header
    table = (
        "Journalists killed in 2024, by country\n\n"
        "| From 1 January to 1 December 2024. Source: the monitor |  |  |\n"
        "|---|---|---|\n"
        "| Country | In connection with their work | Other circumstances |\n"
        "|---|---|---|\n"
        "| Pakistan | 5 | 1 |\n"
    )
    (row,) = find_tables(table).values()
    assert row.place == "Pakistan"
    assert [c.category for c in row.cells] == ["killed", "killed"]


def test_a_group_s_label_inside_a_table_does_not_end_it():
    text = (
        "Table 2. Logframe indicators: progress to date\n\n"
        "Code  Indicator                                  Target   Achieved\n"
        "R1    Protection\n"
        "1.1   GBV survivors receiving case management       450        312\n"
        "R2    Health\n"
        "2.1   War-wounded patients stabilised               300        341\n"
    )
    rows = find_tables(text)
    assert len(rows) == 2
    claims = [c for c in extract_claims(text, date(2025, 4, 28)) if c.kind == "numeric"]
    assert [c.value for c in claims] == [450, 312, 300, 341]


def test_a_column_headed_by_a_span_of_months_dates_its_figures_with_that_period():
    text = (
        "Table 1. Dead and missing by region\n\n"
        "Region           Sep 2026   Jan-Sep 2026   Jan-Sep 2025\n"
        "Mediterranean         241          1,703          1,522\n"
        "Americas              118            986          1,012\n"
    )
    found = [c for c in extract_claims(text, date(2026, 10, 8)) if c.kind == "numeric"]
    got = [(c.quote, c.location, c.event_date, c.category) for c in found[:3]]
    assert got == [
        ("241", "Mediterranean", "2026-09", "killed"),
        ("1,703", "Mediterranean", "2026-01-01/2026-09-30", "killed"),
        ("1,522", "Mediterranean", "2025-01-01/2025-09-30", "killed"),
    ]


def test_a_piped_table_s_header_under_its_caption_names_the_period_of_each_column():
    text = (
        "| Table 1. Population in need, selected states |  |  |\n"
        "|---|---|---|\n"
        "| State | Current (June 2026) | In IPC Phase 3 or worse, June to September 2026 |\n"
        "|---|---|---|\n"
        "| North Darfur | Phase 5 in El Fasher | 1,920,000 |\n"
        "| Gedaref | Phase 3 | 640,000 |\n"
    )
    found = [c for c in extract_claims(text, date(2026, 6, 26)) if c.kind == "numeric"]
    got = [(c.quote, c.location, c.event_date) for c in found]
    assert got == [
        ("1,920,000", "North Darfur", "2026-06-01/2026-09-30"),
        ("640,000", "Gedaref", "2026-06-01/2026-09-30"),
    ]
