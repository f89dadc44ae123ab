"""The two schema-2 extractors on the seed articles (issue #10's proof): cited projects and a conferred flag."""

from __future__ import annotations

from conftest import CORPUS


def test_seed_004_cites_its_four_projects_with_titles(pipeline) -> None:
    article = pipeline.extract((CORPUS / "seeds" / "004_5d30347be2f46c0a.txt").read_text(encoding="utf-8"))
    numbered = {d.number: d for d in article.documents if d.number}
    assert set(numbered) == {"12", "27", "23", "1123"}
    assert all(d.kind == "project" and d.title for d in numbered.values())
    assert numbered["27"].title == "Diễn tập khu vực phòng thủ giai đoạn 2016-2020"


def test_seed_003_confers_a_flag_from_the_province(pipeline) -> None:
    article = pipeline.extract((CORPUS / "seeds" / "003_156a9345e1742d2c.txt").read_text(encoding="utf-8"))
    (flag,) = [d for d in article.decorations if d.kind == "flag"]
    assert flag.name.lower() == "cờ thi đua xuất sắc"
    assert flag.issuer == "UBND tỉnh" and flag.recipients == ["Ban CHQS Thành phố"]
