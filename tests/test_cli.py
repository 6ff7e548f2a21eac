import json
import re

import pytest
from click.testing import CliRunner

from claims_app.cli import main
from claims_app.db import session_scope
from claims_app.services import accounts
from tests.conftest import CORPUS, FIXTURE_PAGES


@pytest.fixture
def run(database_url, tmp_path):
    def _run(*args: str, input: bytes | str | None = None):
        runner = CliRunner()
        return runner.invoke(main, list(args), input=input, env={"DATABASE_URL": database_url})

    return _run


def test_help_lists_every_command(run):
    out = run("--help").output
    for command in ("db", "ingest", "documents", "serve", "users"):
        assert command in out


def test_ingest_folder_then_again_adds_nothing(run):
    first = run("ingest", str(FIXTURE_PAGES))
    assert first.exit_code == 0, first.output
    assert "documents: 4 added, articles: 17" in first.output
    second = run("ingest", str(FIXTURE_PAGES))
    assert second.exit_code == 0
    assert "documents: 0 added" in second.output and "skipped: 4" in second.output
    assert "already ingested as document" in second.output


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_ingest_reference_corpus(run):
    result = run("ingest", str(CORPUS))
    assert result.exit_code == 0, result.output
    assert "documents: 3 added, articles: 31" in result.output


def test_bad_inputs_each_get_a_line_and_the_good_file_still_lands(run, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("Ma\u00e2ret".encode("latin-1"))
    (tmp_path / "big.txt").write_bytes(b"a sentence. " * 200_000)
    good = FIXTURE_PAGES / "press-releases-2020.txt"
    result = run(
        "ingest",
        "--max-mb",
        "1",
        str(tmp_path / "empty.txt"),
        str(tmp_path / "bin.txt"),
        str(tmp_path / "latin1.txt"),
        str(tmp_path / "big.txt"),
        str(tmp_path / "missing.txt"),
        str(good),
    )
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"error: {tmp_path / 'empty.txt'}: is empty" in lines
    assert any(
        line.startswith(f"error: {tmp_path / 'bin.txt'}: looks like a binary") for line in lines
    )
    assert any(f"{tmp_path / 'latin1.txt'}: is not valid UTF-8" in line for line in lines)
    assert any(f"{tmp_path / 'big.txt'}: is 2.3 MB, over the 1 MB limit" in line for line in lines)
    assert f"error: {tmp_path / 'missing.txt'}: no such file or folder" in lines
    assert re.fullmatch(
        r"documents: 1 added, articles: 4, claims: \d+, skipped: 0, failed: 5", lines[-1]
    )


def test_ingest_from_stdin(run):
    data = (FIXTURE_PAGES / "river-provinces-digest.txt").read_bytes()
    result = run("ingest", "-", input=data)
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in run("documents", "--format", "jsonl").output.splitlines()]
    assert docs[0]["origin"] == "<stdin>" and len(docs[0]["articles"]) == 5


def test_documents_lists_articles_with_position_title_section_date_chars(run):
    run("ingest", str(FIXTURE_PAGES / "press-releases-2020.txt"))
    (doc,) = [
        json.loads(line) for line in run("documents", "--format", "jsonl").output.splitlines()
    ]
    first = doc["articles"][0]
    assert first["position"] == 0
    assert first["title"] == "Relief Groups Warn of Hunger in Besieged Orvano"
    assert first["section"] == "Press Releases"
    assert first["published_on"] == "2020-02-11"
    assert first["chars"] > 100
    table = run("documents").output
    assert "2020-02-11" in table and "Press Releases" in table


def test_commands_on_an_unmigrated_database_say_so(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    result = CliRunner().invoke(main, ["documents"], env={"DATABASE_URL": url})
    assert result.exit_code != 0
    assert "run `claims db upgrade` first" in result.output


def test_db_upgrade_creates_the_schema(tmp_path):
    url = f"sqlite:///{tmp_path / 'sub' / 'fresh.db'}"
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"], env={"DATABASE_URL": url}).exit_code == 0
    result = runner.invoke(main, ["documents"], env={"DATABASE_URL": url})
    assert result.exit_code == 0, result.output


def test_users_add_and_demo_login(run):
    ok = run(
        "users", "add", "amina", "--role", "reviewer", "--password-stdin", input="s3cret-pass\n"
    )
    assert ok.exit_code == 0, ok.output
    dup = run(
        "users", "add", "amina", "--role", "reviewer", "--password-stdin", input="s3cret-pass\n"
    )
    assert dup.exit_code != 0 and "already exists" in dup.output
    bad = run("users", "add", "bo", "--role", "king", "--password-stdin", input="s3cret-pass\n")
    assert "unknown role" in bad.output
    demo = run("users", "demo")
    assert demo.output.startswith("demo logins: demo (editor) and demo-reviewer (reviewer)")


def test_users_list_set_role_disable(run, engine):
    run("users", "add", "amina", "--role", "reviewer", "--password-stdin", input="s3cret-pass\n")
    assert run("users", "set-role", "amina", "editor").exit_code == 0
    assert "unknown role" in run("users", "set-role", "amina", "king").output
    assert "no user 'nobody'" in run("users", "disable", "nobody").output
    assert run("users", "disable", "amina").exit_code == 0
    listed = run("users", "list").output
    assert "amina" in listed and "editor" in listed and "disabled" in listed
    with session_scope(engine) as s:
        assert accounts.authenticate(s, "amina", "s3cret-pass") is None  # disabled
    run("users", "enable", "amina")
    with session_scope(engine) as s:
        assert accounts.authenticate(s, "amina", "s3cret-pass").role == "editor"
        assert accounts.authenticate(s, "amina", "wrong-pass") is None


def test_extract_prints_jsonl_without_touching_the_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'never-created.db'}"
    page = FIXTURE_PAGES / "press-releases-2020.txt"
    result = CliRunner().invoke(main, ["extract", str(page)], env={"DATABASE_URL": url})
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    text = page.read_text(encoding="utf-8")
    assert records and all(text[r["start"] : r["end"]] == r["quote"] for r in records)
    assert {r["article_index"] for r in records} == {0, 1, 2, 3}
    assert not (tmp_path / "never-created.db").exists()


def test_extract_table_and_bad_file(tmp_path):
    page = FIXTURE_PAGES / "ostrava-monitor-update.html"
    table = CliRunner().invoke(main, ["extract", str(page), "--format", "table"])
    assert "19 drone strikes" in table.output
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    bad = CliRunner().invoke(main, ["extract", str(tmp_path / "bad.txt")])
    assert bad.exit_code != 0 and "not valid UTF-8" in bad.output


def test_extract_table_shows_every_digit_of_a_figure(tmp_path):
    page = tmp_path / "floods.txt"
    page.write_text("Floods\n\nMore than four million people were displaced and 1,234,567 "
                    "were injured, officials said on 3 May 2025.\n")  # fmt: skip
    table = CliRunner().invoke(main, ["extract", str(page), "--format", "table"]).output
    assert "4,000,000" in table and "1,234,567" in table
    assert "e+06" not in table


def test_reextract_reports_what_changed(run):
    ingested = run("ingest", str(FIXTURE_PAGES / "river-provinces-digest.txt"))
    claims = int(re.search(r"claims: (\d+)", ingested.output).group(1))
    result = run("reextract")
    assert result.exit_code == 0, result.output
    assert f"claims: {claims} unchanged, 0 updated, 0 added, 0 removed" in result.output


def test_demo_data_ingests_and_reports_its_rate(run):
    result = run("demo-data", "--articles", "30", "--per-page", "10")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("pages added: 3, articles: 30, claims: ")
    again = run("demo-data", "--articles", "30", "--per-page", "10")
    assert again.output.startswith("pages added: 0, articles: 0")


def _break_on(monkeypatch, word: str) -> None:
    """The extractor raises on articles holding `word` (its real crash is fixed)."""
    import claims_app.extraction.page_claims as page_claims
    import claims_app.services.extraction as extraction

    real = extraction.extract_claims

    def extract(body, article_date, **options):
        if word in body:
            raise KeyError("b1")
        return real(body, article_date)

    monkeypatch.setattr(extraction, "extract_claims", extract)
    monkeypatch.setattr(page_claims, "extract_claims", extract)


def test_ingest_keeps_the_page_when_one_article_fails_and_says_so(run, monkeypatch):
    _break_on(monkeypatch, "Riverlands")
    result = run("ingest", str(FIXTURE_PAGES / "press-releases-2020.txt"))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    (line,) = [x for x in result.output.splitlines() if x.startswith("error:")]
    assert "claims could not be extracted from article 1 (KeyError: 'b1')" in line
    assert "documents: 1 added, articles: 4" in result.output
    listing = run("documents", "--format", "jsonl")
    (doc,) = [json.loads(x) for x in listing.output.splitlines()]
    assert [a["extraction_error"] for a in doc["articles"]] == [None, "KeyError: 'b1'", None, None]


def test_extract_prints_the_other_articles_claims_and_one_error_line(run, monkeypatch):
    _break_on(monkeypatch, "Riverlands")
    result = run("extract", str(FIXTURE_PAGES / "press-releases-2020.txt"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    records = [json.loads(x) for x in result.output.splitlines() if x.startswith("{")]
    assert records and {r["article_index"] for r in records} == {0, 2, 3}
    errors = [x for x in result.output.splitlines() if x.startswith("error:")]
    assert errors == [
        f"error: {FIXTURE_PAGES / 'press-releases-2020.txt'}: claims could not be extracted "
        "from article 1 (KeyError: 'b1'); the other articles' claims are above"
    ]


def test_pages_with_iso_dates_and_phone_numbers_extract_whole(run, tmp_path):
    page = tmp_path / "stamps.txt"
    page.write_text(
        "Update 2023-10-09\n\nAt least 12 people were killed in the town of Sarev on "
        "2022-03-04, officials said. Call the hotline on 0912-345-678 for help.\n",
        encoding="utf-8",
    )
    result = run("extract", str(page))
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in result.output.splitlines()]
    assert [(r["quote"], r["value"]) for r in records if r["kind"] == "numeric"] == [
        ("At least 12 people", 12)
    ]


def test_incidents_lists_reports_of_one_event_and_their_conflict(run, tmp_path):
    from tests.services.test_incidents import PAGES

    for name, text in PAGES.items():
        (tmp_path / name).write_text(text)
    assert run("db", "upgrade").exit_code == 0
    assert run("ingest", str(tmp_path)).exit_code == 0
    table = run("incidents")
    assert table.exit_code == 0, table.output
    assert "killed, Saraqib, 2020-02-11, reported 7–24  CONFLICT" in table.output
    assert table.output.count("  ! claim ") == 3  # each figure in the conflict marked
    lines = [json.loads(x) for x in run("incidents", "--conflicts", "--format", "jsonl").output
             .splitlines()]  # fmt: skip
    (strike,) = lines
    assert strike["conflict"] and strike["range"] == [7, 24]
    quotes = {c["quote"]: c for c in strike["claims"]}
    assert quotes["Dozens of civilians"]["interval"] == "[24, 199]"
    assert quotes["Seven civilians"]["value"] == 7 and quotes["Seven civilians"]["why"]
    assert {c["document"] for c in strike["claims"]} == {1, 2, 3}
    none_there = run("incidents", "--document", "99", "--format", "jsonl")
    assert none_there.exit_code == 0 and none_there.output == ""
