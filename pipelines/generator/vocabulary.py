"""Canonical vocabulary used by the sample generator (table ids, measures, line items).

It mirrors the project's canonical export contract (shared/spec/disclosure-model.md); the
parser side should use the same words.
"""

FINAL_TABLES = [f"FIN_{i:02d}" for i in range(1, 11)]
BUDGET_TABLES = [f"BUD_{i:02d}" for i in range(1, 10)]
TABLE_IDS = FINAL_TABLES + BUDGET_TABLES

SCHEMES = ("function", "economic", "line")
ECONOMIC_TABLES = {"FIN_06", "BUD_06"}
TWO_SIDED_TABLES = {"FIN_01", "FIN_04", "BUD_01", "BUD_04"}

_FLOW = ("carry_in", "income", "total", "basic", "project", "carry_out")
MEASURES = {
    "FIN_01": ("final",),
    "FIN_02": ("total", "fiscal", "upper_subsidy", "business", "operating", "affiliated", "other"),
    "FIN_03": ("total", "basic", "project", "remit_upper", "operating", "affiliated_subsidy"),
    "FIN_04": ("final", "total", "gpb", "gov_fund", "soe"),
    "FIN_05": ("total", "basic", "project"),
    "FIN_06": ("final",),
    "FIN_07": _FLOW,
    "FIN_08": _FLOW,
    "FIN_09": ("budget", "final"),
    "FIN_10": ("final",),
    "BUD_01": ("budget",),
    "BUD_02": ("total", "fiscal", "upper_subsidy", "business", "operating", "affiliated", "other"),
    "BUD_03": ("total", "basic", "project"),
    "BUD_04": ("budget", "total", "gpb", "gov_fund", "soe"),
    "BUD_05": ("total", "basic", "project"),
    "BUD_06": ("total", "personnel", "public", "budget"),
    "BUD_07": ("budget",),
    "BUD_08": ("total", "basic", "project"),
    "BUD_09": ("total", "basic", "project"),
}

INCOME_LINES = (
    "income_gpb", "income_gov_fund", "income_soe", "income_upper_subsidy", "income_business",
    "income_operating", "income_affiliated", "income_other", "income_total",
    "use_nonfiscal_balance", "carry_in", "carry_in_gpb", "carry_in_gov_fund", "carry_in_soe",
    "income_grand_total",
)
EXPENSE_LINES = ("expense_total", "balance_distribution", "carry_out", "expense_grand_total")
SANGONG_LINES = (
    "sangong_total", "sangong_outbound", "sangong_vehicle", "sangong_vehicle_purchase",
    "sangong_vehicle_operation", "sangong_reception",
)
STATS_LINES = (
    "procurement_total", "procurement_goods", "procurement_works", "procurement_services",
    "opex_admin_units", "opex_civil_units",
)
LINE_ITEMS = set(INCOME_LINES + EXPENSE_LINES + SANGONG_LINES + STATS_LINES) | {
    "total", "personnel_total", "public_total",
}

# 功能分类 类 (3-digit) with the name printed on the 支出 side of 收支总表 tables.
FUNCTION_CLASSES = [
    ("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"), ("204", "公共安全支出"),
    ("205", "教育支出"), ("206", "科学技术支出"), ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"), ("210", "卫生健康支出"), ("211", "节能环保支出"),
    ("212", "城乡社区支出"), ("213", "农林水支出"), ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"), ("216", "商业服务业等支出"), ("217", "金融支出"),
    ("219", "援助其他地区支出"), ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"), ("223", "国有资本经营预算支出"), ("224", "灾害防治及应急管理支出"),
    ("229", "其他支出"), ("231", "债务还本支出"), ("232", "债务付息支出"),
    ("234", "抗疫特别国债安排的支出"),
]
FUNCTION_CLASS_NAMES = dict(FUNCTION_CLASSES)
