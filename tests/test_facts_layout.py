"""Document readers, line/page joining, sentences, figure-label runs, candidate spans, subjects."""

from __future__ import annotations

from pathlib import Path

import pytest

from sectorlens.errors import InputError
from sectorlens.facts.candidates import period_spans, quantity_spans
from sectorlens.facts.layout import layout
from sectorlens.facts.readers import from_text, read_document
from sectorlens.facts.subjects import respectively, strip_particle, subject_of


def _sentences(text: str) -> list[str]:
    return [s.text for s in layout(from_text(text)).sentences]


# --- joining ---------------------------------------------------------------------------------


def test_a_number_broken_inside_a_word_is_joined_and_offsets_point_back() -> None:
    text = "매출은 2019년에 벌써 523억4000만 위\n안(9조원)을 기록했다.\n"
    doc = from_text(text)
    (sent,) = layout(doc).sentences
    assert "523억4000만 위안(9조원)" in sent.text
    start = sent.text.index("523억")
    end = sent.text.index("(9조원)") + len("(9조원)")
    a, b = sent.doc_span(start, end)
    assert doc.text[a:b] == "523억4000만 위\n안(9조원)"
    assert doc.line_of(a) == 1 and doc.line_of(b - 1) == 2


def test_a_trailing_space_keeps_the_space_and_a_scale_split_joins_tight() -> None:
    text = "이 업계는 모두 1,234건의 인수 및 \n합병이 있었고 약 2345억\n6000만 위안으로 본다.\n"
    (sent,) = _sentences(text)
    assert "인수 및 합병" in sent
    assert "2345억6000만 위안" in sent


def test_a_sentence_runs_on_across_a_blank_line_but_a_heading_does_not() -> None:
    long = "2022년 1~6월에는 모두 321건의 거래가 보고되었고, 그 거래 금액은 "
    text = (
        "3) 거래의 흐름\n\n"
        f"{long}\n\n"
        "1,234억 5600만 위안(23조원)으로, 벌써 2021년 한 해의 금액을 넘었다.\n"
    )
    sentences = _sentences(text)
    assert sentences[0] == "3) 거래의 흐름"
    assert sentences[1].startswith("2022년 1~6월") and "1,234억 5600만 위안(23조원)" in sentences[1]


@pytest.mark.parametrize(
    ("heading", "paragraph"),
    [
        ("## 1. 2023年市场", "销量为42万辆。"),
        ("## 2. 판매 현황", "판매량은 42만 대였다."),
        ("## 3. Sales", "Sales were 420,000 units."),
    ],
)
def test_a_marked_heading_never_runs_on_into_the_paragraph_after_it(
    tmp_path: Path, heading: str, paragraph: str
) -> None:
    # a short document: the heading is as long as its typical line, but the author marked it
    path = tmp_path / "brief.md"
    path.write_text(f"# 周报\n\n{heading}\n\n{paragraph}\n", encoding="utf-8")
    sentences = [s.text for s in layout(read_document(path)).sentences]
    assert sentences[-1] == paragraph


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("국내 판매량은 42만 대였다.", ["42만 대"]),
        ("가입자는 120만 가구로 늘었다.", ["120만 가구"]),
        ("평균 점수는 63.7점이었다.", ["63.7점"]),
        ("수산물 수출은 3만 마리였다.", ["3만 마리"]),
        # 20대: an age group; 대비, 대출: other words after a large unit
        ("20대 가입자는 12%였다.", ["12%"]),
        ("42만 대비 10% 늘었다.", ["10%"]),
        ("가계 대출은 3조 원, 42만 대출 건수였다.", ["3조 원"]),
        ("The service had 25 million subscribers.", ["25 million subscribers"]),
        ("Shipments rose to 1.2 million units.", ["1.2 million units"]),
        ("It bought back 12 million shares for $2 billion.", ["12 million shares", "$2 billion"]),
    ],
)
def test_counters_make_a_number_a_fact(sentence: str, counted: list[str]) -> None:
    assert [span.text for _, span in quantity_spans(sentence)] == counted


def test_english_lines_join_with_a_space_and_hyphenated_words_rejoin() -> None:
    text = (
        "Funding in China reached CNY 146.8 bn in\n2020, while the number of invest-\nments fell.\n"
    )
    (sent,) = _sentences(text)
    assert "in 2020," in sent
    assert "investments fell" in sent


def test_a_sentence_ending_at_a_line_break_is_not_glued_to_the_next_line() -> None:
    # one paragraph a line, no blank line between: 'year.' + 'Revenue' must not become one word
    text = "Sales were $5 billion a year earlier.\nRevenue grew to $7 billion.\n"
    assert _sentences(text) == [
        "Sales were $5 billion a year earlier.",
        "Revenue grew to $7 billion.",
    ]
    assert _sentences("Sales were 3.\n5 billion.\n") == ["Sales were 3.5 billion."]


def test_sentences_split_in_korean_chinese_and_english_not_at_decimals() -> None:
    assert _sentences("서울이 41.25%를 차지한다. 부산은 12.5%다.\n") == [
        "서울이 41.25%를 차지한다.",
        "부산은 12.5%다.",
    ]
    assert _sentences("北京占32.5%。上海占21.8%！\n") == ["北京占32.5%。", "上海占21.8%！"]
    assert _sentences("Funding rose 3.5% in 2020, e.g. in Beijing. It fell in 2021.\n") == [
        "Funding rose 3.5% in 2020, e.g. in Beijing.",
        "It fell in 2021.",
    ]


# --- figure runs -----------------------------------------------------------------------------

FIGURE = (
    "그림 3 2020년 기업 핵심기술 분포(기업 수)\n\n(단위: %)\n\n"
    "하드웨어\n7.6%\n\n빅데이터와 클라우드\n41.1%\n\n"
    "음성 인식 및 \n자연 언어 처리\n\n4.8%\n"
    " 이어지는 본문은 여기에서 다시 시작되고 길게 이어지는 문장으로 끝난다.\n"
)


def test_a_label_line_followed_by_a_percent_line_is_a_figure_item() -> None:
    lay = layout(from_text(FIGURE))
    (run,) = lay.figures
    assert run.caption is not None and run.caption.startswith("그림 3")
    assert run.unit == "%"
    assert [(i.label, i.value) for i in run.items] == [
        ("하드웨어", "7.6%"),
        ("빅데이터와 클라우드", "41.1%"),
        ("음성 인식 및 자연 언어 처리", "4.8%"),
    ]
    assert [i.value_line for i in run.items] == [6, 9, 14]
    # the prose after the run is still a sentence, and labels are not
    assert any(s.text.startswith("이어지는 본문") for s in lay.sentences)
    assert not any("하드웨어" in s.text for s in lay.sentences)


def test_a_single_label_and_value_or_a_page_number_is_not_a_figure() -> None:
    lay = layout(from_text("결론\n\n12\n\n하드웨어\n7.6%\n\n본문은 이렇게 끝난다.\n"))
    assert lay.figures == ()


def test_a_table_row_label_above_bullets_labels_its_sentences() -> None:
    text = (
        "표 1 산업사슬\n\n응용분야\n\n•  기업 중 61.5%가 서비스 기업이다.\n\n"
        "기술분야\n•  정확도는 97%다.\n"
    )
    lay = layout(from_text(text))
    labelled = {s.text: (s.label, s.figure) for s in lay.sentences if s.label}
    assert labelled["•  기업 중 61.5%가 서비스 기업이다."] == ("응용분야", "표 1 산업사슬")
    assert labelled["•  정확도는 97%다."][0] == "기술분야"


# --- readers ---------------------------------------------------------------------------------


def test_markdown_markup_is_blanked_in_place(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(
        "# 제목\n\n**서울**이 41.25%를 차지한다.\n\n| 지역 | 비중 |\n|---|---|\n| 부산 | 12.5% |\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.format == "md"
    assert len(doc.text) == len(path.read_text(encoding="utf-8"))
    assert "  서울  이 41.25%" in doc.text
    assert "| 부산 | 12.5% |" in doc.text  # a table row keeps the source's characters
    table = next(b.table for b in doc.blocks if b.table is not None)
    assert [c.text for c in table.cells] == ["지역", "비중", "부산", "12.5%"]


def test_html_text_with_blocks_and_table_cells(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    path.write_text(
        "<html><head><style>p{}</style><script>var x=1;</script></head><body>"
        "<h1>Title</h1><p>Funding &amp; deals rose 20% in 2020.</p>"
        "<table><tr><td>Beijing</td><td>32.5%</td></tr></table></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert "var x" not in doc.text and "p{}" not in doc.text
    assert "Funding & deals rose 20% in 2020." in doc.lines
    assert "Beijing\t32.5%" in doc.lines


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("2021년 매출 금액은 2345억6000만 위안이었다.")
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "서울"
    table.rows[0].cells[1].text = "41.25%"
    d.add_paragraph("끝.")
    path = tmp_path / "r.docx"
    d.save(str(path))
    doc = read_document(path)
    lines = [line for line in doc.lines if line]
    assert lines == ["2021년 매출 금액은 2345억6000만 위안이었다.", "서울\t41.25%", "끝."]


def test_pdf_with_korean_and_chinese_text_and_pages(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    path = tmp_path / "r.pdf"
    _write_pdf(path, [["2021년 매출 금액은 2345억6000만 위안(43조원)이었다."], ["北京占32.5%。"]])
    doc = read_document(path)
    assert doc.format == "pdf"
    assert "2345억6000만 위안(43조원)" in doc.text
    assert doc.page_lines[0] == 1 and len(doc.page_lines) == 2
    assert doc.page_of(doc.line_of(doc.text.index("北京"))) == 2


def _write_pdf(path: Path, pages: list[list[str]]) -> None:
    """A PDF with Adobe's standard CJK fonts (no font file needed; readers map them to Unicode)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    for name in ("HYSMyeongJo-Medium", "STSong-Light"):
        pdfmetrics.registerFont(UnicodeCIDFont(name))
    c = canvas.Canvas(str(path))
    for lines in pages:
        y = 800
        for line in lines:
            font = (
                "STSong-Light"
                if any("\u4e00" <= ch <= "\u9fff" for ch in line)
                else "HYSMyeongJo-Medium"
            )
            c.setFont(font, 11)
            c.drawString(40, y, line)
            y -= 16
        c.showPage()
    c.save()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("r.xyz", b"x", "unknown document type"),
        ("r.txt", "2020".encode("utf-16"), ""),
        ("r.txt", b"\xff\xfe\x00", "not valid UTF-16"),
        ("r.txt", b"caf\xe9 2020", "not UTF-8"),
        ("r.pdf", b"%PDF-1.4 garbage", "not a readable PDF"),
        ("r.docx", b"PK not a zip", "not a readable .docx"),
    ],
)
def test_bad_documents_are_one_clear_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    if not message:  # a UTF-16 file with a BOM reads fine
        assert read_document(path).text is not None
        return
    with pytest.raises(InputError, match=message):
        read_document(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    (tmp_path / "d.txt").mkdir()
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path / "d.txt")


# --- candidates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("누적 금액은 4321억2100만 위안(80조원)이었고", ["4321억2100만 위안(80조원)"]),
        ("2,468억 1300만 위안(45조원)으로", ["2,468억 1300만 위안(45조원)"]),
        ("서울이 41.25%, 부산 12.5%, 대구가 7%를", ["41.25%", "12.5%", "7%"]),
        ("모두 3,210건의 거래, 12개의 단지, 9개 시와 2개 군", ["3,210건", "12개", "9개", "2개"]),
        (
            "深圳占18.5%，营收为2345.6亿元，共321笔，数千万人民币",
            ["18.5%", "2345.6亿元", "321笔", "数千万人民币"],
        ),
        (
            "funding reached CNY 146.8 bn (US$21.3bn) across over 1,200 deals",
            ["CNY 146.8 bn (US$21.3bn)", "over 1,200 deals"],
        ),
        ("growth of -5.2% and 20%-30%", ["-5.2%", "20%-30%"]),
        ("세 가지 기술에서, 두 곳에 열두 개를", ["세 가지", "두 곳", "열두 개"]),
    ],
)
def test_candidate_quantities(text: str, expected: list[str]) -> None:
    assert [s.text for _, s in quantity_spans(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "중국 14차 5개년 계획, 4차산업혁명, 세계 1위, SQuAD 2.0, 5G, 3개월, 공안 3부, 2018년",
        "구조원리는 간단하다",  # 구조원 is not 9조 원
        "한 개발자가 세계 두 번째로",  # 개발자 is not a counter, 두 번째 is an ordinal
        "see Figure 3 and Table 1 on page 12",
    ],
)
def test_not_quantities(text: str) -> None:
    assert quantity_spans(text) == []


def test_candidate_periods() -> None:
    text = "2014~2020년, 2021년 1~7월, 2021년 3월 말, 2019年上半年, H1 2021, 2014-2020; 2021.08"
    assert [s.text for s in period_spans(text)] == [
        "2014~2020년",
        "2021년 1~7월",
        "2021년 3월 말",
        "2019年上半年",
        "H1 2021",
        "2014-2020",
    ]


# --- subjects --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("베이징이", ("베이징", "이")),
        ("광둥이", ("광둥", "이")),
        ("상하이", ("상하이", None)),  # 하 has no final consonant: 이 is part of the name
        ("건수가", ("건수", "가")),
        ("규모는", ("규모", "는")),
        ("금액은", ("금액", "은")),
        ("시험구를", ("시험구", "를")),
    ],
)
def test_korean_particles(token: str, expected: tuple[str, str | None]) -> None:
    assert strip_particle(token) == expected


def _subjects(text: str) -> list[str | None]:
    from sectorlens.facts.lexicon import language

    spans = quantity_spans(text)
    listed = respectively(text, [(s.start, s.end) for _, s in spans])
    out: list[str | None] = []
    floor = 0
    for i, (kind, s) in enumerate(spans):
        subject, _base = subject_of(text, s.start, s.end, floor, kind, language(text))
        out.append(listed.get(i, subject))
        floor = s.end
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("그중 서울이 41.25%, 부산 12.5%, 광주가 7%를 차지한다.", ["서울", "부산", "광주"]),
        # a share's subject keeps its measure (the metric, for the rules, names the part)
        ("로봇 투자 비중이 23%, 자율 주행 비중이 18%였다.", ["로봇 투자 비중", "자율 주행 비중"]),
        ("2019년 매출 규모의 약 48%를 서비스 분야가 차지했다.", ["서비스 분야"]),
        ("모두 2,345건의 인수 합병 건수가 집계되었다.", ["인수 합병 건수"]),
        ("서울, 부산, 광주가 각각 41.25%, 12.5%, 7%를 차지했다.", ["서울", "부산", "광주"]),
        ("其中北京、上海、广东分别占32.5%、21.8%和20%。", ["北京", "上海", "广东"]),
        ("2021年深圳机器人行业营收为2345.6亿元。", ["深圳机器人行业营收"]),
        (
            "Beijing, Shanghai and Guangdong accounted for 32.5%, 21.8% and 20% respectively.",
            ["Beijing", "Shanghai", "Guangdong"],
        ),
        ("In 2020, funding reached CNY 146.8 bn.", ["funding"]),
    ],
)
def test_subjects(text: str, expected: list[str]) -> None:
    assert _subjects(text) == expected
