"""text.wraps: a hard-wrapped page's soft line breaks read as blanks, one character for one (person.wrapped_line)."""

from qpextract.text.wraps import unwrapped

WRAPPED = (
    "Sáng 12/3, Ban Chỉ huy Quân sự huyện Mường Xa tổ chức lễ tuyên thệ cho các\n"
    "chiến sĩ mới năm nay; các tân binh đọc lời thề trước quân kỳ, hứa rèn luyện\n"
    "thật tốt để sớm làm chủ vũ khí, trang bị và hoàn thành mọi nhiệm vụ được\n"
    "giao.\n"
    "Đến dự có Đại tá Lò Văn\n"
    "Tám, Phó Chỉ huy trưởng."
)


def test_wrapped_page_reads_its_soft_breaks_as_blanks() -> None:
    out = unwrapped(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "Lò Văn Tám" in out and "cho các chiến sĩ" in out
    assert "được giao.\nĐến dự" in out  # a break after a full stop stays


def test_page_with_lines_of_its_own_is_left_alone() -> None:
    text = "Hội nghị tổng kết\n\nSáng 3/2, huyện tổ chức hội nghị.\nẢnh: Lò Văn Tám\nđồng chí phát biểu."
    assert unwrapped(text) is text
