"""The dashboard's own words in Korean and English (data names come from ``labels``)."""

from __future__ import annotations

from sectorlens.errors import UsageError

LANGS = ("ko", "en")

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"ko": "sectorlens 대시보드", "en": "sectorlens dashboard"},
    "app.subtitle": {
        "ko": "거래 데이터의 지표 — 모든 수치에 출처 표시",
        "en": "Metrics of the deal data — every number with its sources",
    },
    "nav.dashboard": {"ko": "대시보드", "en": "Dashboard"},
    "nav.companies": {"ko": "기업", "en": "Companies"},
    "nav.report": {"ko": "참조 보고서", "en": "Reference report"},
    "nav.api": {"ko": "API 스키마", "en": "API schema"},
    "filters.title": {"ko": "필터", "en": "Filters"},
    "filters.years": {"ko": "연도", "en": "Years"},
    "filters.from": {"ko": "부터", "en": "from"},
    "filters.to": {"ko": "까지", "en": "to"},
    "filters.subject": {"ko": "주제(범위)", "en": "Subject (scope)"},
    "filters.all_deals": {"ko": "저장소의 모든 투자 건", "en": "Every deal in the store"},
    "filters.countries": {"ko": "국가", "en": "Countries"},
    "filters.regions": {"ko": "지역", "en": "Regions"},
    "filters.clusters": {"ko": "경제권", "en": "Economic clusters"},
    "filters.sectors": {"ko": "분야", "en": "Sectors"},
    "filters.rounds": {"ko": "투자 단계", "en": "Rounds"},
    "filters.currency": {"ko": "통화", "en": "Currency"},
    "filters.language": {"ko": "언어", "en": "Language"},
    "filters.all": {"ko": "전체", "en": "All"},
    "filters.apply": {"ko": "적용", "en": "Apply"},
    "filters.reset": {"ko": "초기화", "en": "Reset"},
    "filters.hint": {
        "ko": "여러 항목은 Ctrl/⌘ 키로 선택",
        "en": "Hold Ctrl/⌘ to choose several",
    },
    "charts.title": {"ko": "차트", "en": "Charts"},
    "table.title": {"ko": "표", "en": "Table"},
    "table.metric": {"ko": "지표", "en": "Metric"},
    "table.download": {"ko": "CSV 내려받기", "en": "Download CSV"},
    "table.json": {"ko": "JSON", "en": "JSON"},
    "table.rows": {"ko": "행", "en": "rows"},
    "table.truncated": {"ko": "행 제한으로 잘림", "en": "cut at the row limit"},
    "table.empty": {"ko": "조건에 맞는 데이터가 없습니다", "en": "No data for these filters"},
    "sources.title": {"ko": "출처", "en": "Sources"},
    "sources.intro": {
        "ko": "위의 모든 수치는 아래 적재(load)와 출처에서 나왔습니다.",
        "en": "Every number above comes from the loads and sources below.",
    },
    "sources.load": {"ko": "적재", "en": "Load"},
    "sources.file": {"ko": "파일", "en": "File"},
    "sources.format": {"ko": "형식", "en": "Format"},
    "sources.loaded": {"ko": "적재 시각", "en": "Loaded"},
    "sources.rows": {"ko": "읽은 행", "en": "Rows read"},
    "sources.deals": {"ko": "거래", "en": "Deals"},
    "sources.rejects": {"ko": "제외", "en": "Rejected"},
    "sources.cited_by": {"ko": "인용", "en": "Cited by"},
    "sources.none": {"ko": "출처 없음 (데이터 없음)", "en": "No sources (no data)"},
    "status.loading": {"ko": "불러오는 중…", "en": "Loading…"},
    "status.error": {"ko": "오류", "en": "Error"},
    "status.empty_store": {
        "ko": "저장소에 거래 데이터가 없습니다. `sectorlens ingest`로 적재하세요.",
        "en": "The store holds no deals yet: load some with `sectorlens ingest`.",
    },
    "companies.title": {"ko": "기업", "en": "Companies"},
    "companies.search": {"ko": "이름 검색", "en": "Search names"},
    "companies.name": {"ko": "기업명", "en": "Name"},
    "companies.founded": {"ko": "설립", "en": "Founded"},
    "companies.place": {"ko": "지역", "en": "Place"},
    "companies.sector": {"ko": "분야", "en": "Sector"},
    "companies.deals": {"ko": "거래 수", "en": "Deals"},
    "companies.none": {"ko": "해당 기업이 없습니다", "en": "No companies found"},
    "companies.more": {"ko": "다음", "en": "Next"},
    "companies.prev": {"ko": "이전", "en": "Previous"},
    "company.legal_name": {"ko": "법인명", "en": "Legal name"},
    "company.rounds": {"ko": "투자 라운드", "en": "Funding rounds"},
    "company.date": {"ko": "일자", "en": "Date"},
    "company.round": {"ko": "단계", "en": "Round"},
    "company.amount": {"ko": "금액(원문)", "en": "Amount (as stated)"},
    "company.value": {"ko": "금액(원 통화)", "en": "Value (own currency)"},
    "company.converted": {"ko": "환산 금액", "en": "Converted"},
    "company.investors": {"ko": "투자자", "en": "Investors"},
    "company.source": {"ko": "출처(적재·행)", "en": "Source (load · row)"},
    "company.description": {"ko": "소개", "en": "Description"},
    "company.website": {"ko": "웹사이트", "en": "Website"},
    "company.not_found": {"ko": "기업을 찾을 수 없습니다", "en": "Company not found"},
    "company.no_rounds": {"ko": "기록된 라운드가 없습니다", "en": "No rounds on record"},
    "company.undisclosed": {"ko": "비공개", "en": "undisclosed"},
    "report.title": {"ko": "참조 보고서", "en": "Reference report"},
    "report.charts": {"ko": "보고서 차트", "en": "Report charts"},
    "report.findings": {"ko": "검증 결과", "en": "Checker findings"},
    "report.no_text": {
        "ko": "참조 보고서 원문이 지정되지 않았습니다 (`sectorlens serve --reference-text PATH`).",
        "en": "No reference report text was given (`sectorlens serve --reference-text PATH`).",
    },
    "report.no_reference": {
        "ko": "저장소에 참조 데이터가 없습니다. `sectorlens db init`으로 적재하세요.",
        "en": "The store holds no reference data set: load it with `sectorlens db init`.",
    },
    "report.rule": {"ko": "규칙", "en": "Rule"},
    "report.severity": {"ko": "수준", "en": "Severity"},
    "report.message": {"ko": "내용", "en": "Message"},
    "report.lines": {"ko": "줄", "en": "Lines"},
    "severity.error": {"ko": "오류", "en": "error"},
    "severity.warning": {"ko": "경고", "en": "warning"},
    "severity.info": {"ko": "정보", "en": "info"},
    "severity.ok": {"ko": "정상", "en": "ok"},
    "report.no_findings": {"ko": "발견된 문제가 없습니다", "en": "No findings"},
    "chart.deals_by_year": {"ko": "연도별 투자 건수", "en": "Deals per year"},
    "chart.amount_by_year": {"ko": "연도별 투자 금액", "en": "Amount per year"},
    "chart.by_region": {"ko": "지역별 투자 건수", "en": "Deals by region"},
    "chart.by_sector": {
        "ko": "분야별 투자 건수와 금액 비중",
        "en": "Sectors: share of deals and amount",
    },
    "chart.stage_mix": {"ko": "단계별 투자 건수", "en": "Deals by round"},
    "axis.year": {"ko": "연도", "en": "Year"},
    "axis.deals": {"ko": "건수", "en": "Deals"},
    "axis.amount": {"ko": "금액", "en": "Amount"},
    "axis.share": {"ko": "비중(%)", "en": "Share (%)"},
    "axis.share_deals": {"ko": "건수 비중", "en": "share of deals"},
    "axis.share_amount": {"ko": "금액 비중", "en": "share of amount"},
    "axis.round": {"ko": "단계", "en": "Round"},
    "unit.deals": {"ko": "건", "en": "deals"},
}


def check_lang(lang: str) -> str:
    """``lang`` when it is one of :data:`LANGS`; UsageError otherwise."""
    if lang not in LANGS:
        raise UsageError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


def words(lang: str) -> dict[str, str]:
    """Every string in ``lang``."""
    return {key: texts[lang] for key, texts in STRINGS.items()}
