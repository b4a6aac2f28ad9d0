"""`import-org`: an HR export becomes a scenario that validates and plays; bad exports are located by CSV line."""

from __future__ import annotations

import pytest

from game.cli import main
from game.core.bots import play_game
from game.scenario.loader import check_files, load_scenario
from tests.guards import told_plainly

GOOD = """EmployeeID;Full name;title;department;manager_id;skills
E1;Ana Boss;Chief executive;Executive;;strategy
E2;Ben Chef;Head of sales;Sales;E1;
E3;Cléo Dev;Developer;IT;E1;python|data
E4;Dan Rep;Sales rep;Sales;E2;customer
E5;Eve Rep;Sales rep;Sales;E2;
"""


def write(tmp_path, text: str, name: str = "staff.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(tmp_path, csv_text: str, *options: str) -> tuple[int, str]:
    out = tmp_path / "ours.yaml"
    code = main(["import-org", str(write(tmp_path, csv_text)), "--out", str(out), *options])
    return code, out


def test_good_export_with_mapped_columns_validates_and_plays(tmp_path):
    code, out = run(tmp_path, GOOD, "--column", "id=EmployeeID", "--column", "name=Full name")
    assert code == 0 and check_files([out]) == []
    scenario = load_scenario(out)
    org = scenario.org
    assert org.ids == ("E1", "E2", "E3", "E4", "E5") and org.names[2].get("en") == "Cléo Dev"
    assert org.manager[org.index_of("E4")] == org.index_of("E2")
    assert [d.name.get("en") for d in org.departments] == ["Executive", "Sales", "IT"]
    assert org.skills[org.index_of("E3"), scenario.tag_index("data")]
    assert scenario.signals[0].origin == org.index_of("E4")  # heard on the front line
    assert play_game(scenario, 1, "mixed").over
    assert "CHANGE" in out.read_text()


def test_anonymise_replaces_ids_and_names_but_keeps_titles(tmp_path):
    code, out = run(tmp_path, GOOD, "--column", "id=EmployeeID", "--column", "name=Full name", "--anonymise")
    assert code == 0
    text = out.read_text(encoding="utf-8")
    for secret in ("Ana Boss", "Cléo Dev", "E1", "E4"):
        assert secret not in text
    org = load_scenario(out).org
    assert org.ids[0] == "p1" and org.titles[0].get("en") == "Chief executive"


def test_refuses_to_overwrite(tmp_path, capsys):
    (tmp_path / "ours.yaml").write_text("mine")
    code, _ = run(tmp_path, GOOD, "--column", "id=EmployeeID", "--column", "name=Full name")
    assert code == 1 and "already exists" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("csv_text", "expected"),
    [
        ("id,nom,title,department,manager_id\na,A,,X,\n", "staff.csv:1: missing column 'name'"),
        (
            "id,name,title,department,manager_id\na,A,,X,\nb,B,,X,zz\n",
            "staff.csv:3: column E (manager_id): manager 'zz' of 'b' is nobody",
        ),
        (
            "id,name,title,department,manager_id\na,A,,X,\nb,B,,X,c\nc,C,,X,b\n",
            "staff.csv:3: column E (manager_id): managers form a cycle: b -> c -> b",
        ),
        (
            "id,name,title,department,manager_id\na,A,,X,\nb,B,,X,\n",
            "staff.csv:3: column E (manager_id): exactly one person (the top)",
        ),
        (
            "id,name,title,department,manager_id\na,A,,X,\na,B,,X,a\n",
            "staff.csv:3: column A (id): duplicate id 'a' (first at line 2)",
        ),
    ],
    ids=["missing_column", "unknown_manager", "cycle", "two_tops", "duplicate"],
)
def test_bad_exports_name_the_line(tmp_path, capsys, csv_text, expected):
    code, out = run(tmp_path, csv_text)
    err = capsys.readouterr().err
    assert code == 1 and expected in err and not out.exists()
    assert "error: " in err and told_plainly(err)


def test_missing_column_suggests_the_mapping(tmp_path, capsys):
    run(tmp_path, "id,nom,title,dept,manager_id\na,A,,X,\n")
    err = capsys.readouterr().err
    assert "did you mean 'dept'? (map it with --column department=dept)" in err


# ------------------------------------------------------------------ real exports


FRENCH = (
    "Matricule;Nom;Intitulé;Service;Responsable\n"
    "1;Éric Dupré;Directeur général;Direction;\n"
    "2;Léa Müller;Vendeuse;Ventes;1\n"
    "3;François Œuvray;Comptable;Finances;1\n"
)
FRENCH_COLUMNS = ["--column", "id=Matricule", "--column", "name=Nom", "--column", "title=Intitulé"]
FRENCH_COLUMNS += ["--column", "department=Service", "--column", "manager_id=Responsable"]


def imported(tmp_path, content: bytes, *options: str):
    source = tmp_path / "export.csv"
    source.write_bytes(content)
    out = tmp_path / "org.yaml"
    assert main(["import-org", str(source), "--out", str(out), *options]) == 0
    return load_scenario(out)


@pytest.mark.parametrize(
    "encoded",
    [
        FRENCH.encode("cp1252"),
        FRENCH.encode("utf-8-sig"),
        FRENCH.encode("utf-8"),
        FRENCH.replace(";", "\t").encode("utf-16"),
        FRENCH.replace("\n", "\r\n").encode("cp1252"),
    ],
    ids=["excel cp1252", "utf-8 with BOM", "utf-8", "utf-16 tabs", "cp1252 CRLF"],
)
def test_a_french_excel_export_imports_in_any_of_its_encodings(tmp_path, encoded):
    org = imported(tmp_path, encoded, *FRENCH_COLUMNS).org
    assert [name.get("en") for name in org.names] == ["Éric Dupré", "Léa Müller", "François Œuvray"]
    assert org.titles[0].get("en") == "Directeur général"
    assert [d.name.get("en") for d in org.departments] == ["Direction", "Ventes", "Finances"]


def test_standard_quoting_is_read_whatever_the_header_suggests(tmp_path):
    text = (
        'id;name;"title, full";department;manager_id\n'
        '1;"Jean ""JJ"" Dupont";"Head; sales, east";Sales;\n'
        '2;"Martin\nPaul";Rep;Sales;1\n'
        "3,5;Zoé;Rep;Sales;1\n"
    )
    org = imported(tmp_path, text.encode(), "--column", "title=title, full").org
    assert org.names[0].get("en") == 'Jean "JJ" Dupont' and org.titles[0].get("en") == "Head; sales, east"
    assert org.names[1].get("en") == "Martin Paul"  # a line break inside a cell becomes a space
    assert org.ids == ("1", "2", "3_5")


def test_ids_made_of_any_letters_stay_distinct_and_managers_follow_them(tmp_path):
    text = "id,name,title,department,manager_id\n张伟,Zhang,,X,\n李娜,Li,,X,张伟\nПётр,Pyotr,,X,李娜\na.b,Ab,,X,Пётр\na b,Ab2,,X,a.b\n"
    org = imported(tmp_path, text.encode()).org
    assert len(set(org.ids)) == 5 and org.ids[3:] == ("a.b".replace(".", "_"), "a_b_2")
    chain = [org.names[org.manager[i]].get("en") for i in range(1, 5)]
    assert chain == ["Zhang", "Li", "Pyotr", "Ab"]


def test_an_export_over_the_limit_is_refused_up_front_in_one_sentence(tmp_path, capsys):
    from game.tools.import_org import MAX_PEOPLE

    rows = [f"p{i},Person {i},Rep,Sales,{'' if i == 0 else 'p0'}" for i in range(100_000)]
    source = tmp_path / "big.csv"
    source.write_text("id,name,title,department,manager_id\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["import-org", str(source), "--out", str(tmp_path / "o.yaml")]) == 1
    err = capsys.readouterr().err
    assert f"big.csv:{MAX_PEOPLE + 2}: the export lists more than {MAX_PEOPLE:,} people" in err and told_plainly(err)


def test_the_largest_export_allowed_imports_and_validates(tmp_path):
    from game.tools.import_org import MAX_PEOPLE

    rows = [f"p{i},Person {i},Sales representative,Dept {i % 40},{'' if i == 0 else f'p{(i - 1) // 8}'}"
            for i in range(MAX_PEOPLE)]  # fmt: skip
    scenario = imported(tmp_path, ("id,name,title,department,manager_id\n" + "\n".join(rows)).encode())
    assert scenario.org.size == MAX_PEOPLE


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ("a,A\x07,,X,", "staff.csv:2: column B (name): holds a control character (U+0007)"),
        ("a,A\x9bx,,X,", "staff.csv:2: column B (name): holds a control character (U+009B)"),
        ("a," + "x" * 5000 + ",,X,", "staff.csv:2: column B (name): is 5,000 characters long"),
        ("a," + "x" * 200_000 + ",,X,", "staff.csv:2: a cell is longer than 131,072 characters"),
        ('a,"Ana,,X,', "staff.csv:2: this row cannot be read as CSV (unexpected end of data)"),
        ("a,A\x00,,X,", "staff.csv:2: the file holds NUL bytes"),
    ],
    ids=["bell", "C1 control", "long name", "huge cell", "open quote", "NUL"],
)
def test_odd_cells_are_refused_at_their_line_and_column(tmp_path, capsys, cells, expected):
    code, out = run(tmp_path, "id,name,title,department,manager_id\n" + cells + "\nb,B,,X,a\n")
    err = capsys.readouterr().err
    assert code == 1 and expected in err and told_plainly(err) and not out.exists(), err


@pytest.mark.parametrize(
    "content",
    [b"", b"id,name,title,department,manager_id\n", bytes(range(256)) * 40, b";;;;\n;;;;\n", b"\xef\xbb\xbf"],
    ids=["empty", "header only", "binary", "only separators", "only a BOM"],
)
def test_files_that_are_no_export_get_a_sentence(tmp_path, capsys, content):
    source = tmp_path / "staff.csv"
    source.write_bytes(content)
    assert main(["import-org", str(source), "--out", str(tmp_path / "o.yaml")]) == 1
    err = capsys.readouterr().err
    assert "staff.csv" in err and told_plainly(err)
