"""Invented departments for the synthetic sample (names, layout, unit, accounts)."""
from __future__ import annotations

from dataclasses import dataclass, field

YEARS = (2022, 2023, 2024)  # packs shipped
BASE_YEAR = 2021  # generated (for 上年 comparisons and 年初结转) but not shipped

# account roles: basic roles are 基本支出 (linked to an economic code where given), the others 项目支出
BASIC_ROLES = {
    "admin_run": None, "inst_run": None, "retire": "30302", "pension": "30108",
    "annuity": "30109", "medical": "30110", "housing": "30113", "relief": "30304",
}
PROJECT_ROLES = {"project", "fund"}


@dataclass(frozen=True)
class Account:
    code: str  # 7-digit 项
    role: str
    base: int  # 万元, order of magnitude of the yearly amount
    years: tuple[int, ...] | None = None  # present in these years (None = all)
    in_budget: bool = True  # False: added during the year (only in the 决算)
    unexecuted: tuple[int, ...] = ()  # years budgeted but not spent
    biz_share: int = 0  # % funded by 事业收入
    other_share: int = 0  # % funded by 其他收入

    def present(self, year: int) -> bool:
        return self.years is None or year in self.years


@dataclass(frozen=True)
class Department:
    key: str
    names: dict[int, str] | str
    region: str
    layout: str  # seed | shanghai
    unit: str  # 万元 | 元
    entity_level: str
    seed: int
    accounts: tuple[Account, ...]
    civil_share: int = 0  # % of 机关运行经费 in 参照公务员法管理事业单位
    is_institution: bool = False  # 事业单位: no 机关运行经费
    outbound: bool = False  # has 因公出国（境）费
    vehicles: tuple[int, ...] = (6, 0, 1, 2, 1, 2, 0, 0, 0)
    units: tuple[str, ...] = field(default_factory=tuple)
    duties: tuple[str, ...] = field(default_factory=tuple)

    def name(self, year: int) -> str:
        if isinstance(self.names, str):
            return self.names
        return max(((y, n) for y, n in self.names.items() if y <= year), default=(0, ""))[1] or \
            min(self.names.items())[1]


A = Account
COMMON_PERSONNEL = (
    A("2080505", "pension", 260), A("2080506", "annuity", 130), A("2101101", "medical", 110),
    A("2210201", "housing", 210),
)

DEPARTMENTS = (
    Department(
        key="shifan_jtysj", names="示范市交通运输局", region="示范省示范市", layout="shanghai",
        unit="万元", entity_level="department", seed=101, outbound=True,
        accounts=(
            A("2140101", "admin_run", 1850), A("2140102", "project", 320),
            A("2140104", "project", 5200, years=(2021, 2022, 2023)),
            A("2140106", "project", 2600), A("2140112", "project", 410),
            A("2140199", "project", 260, other_share=15),
            A("2146001", "fund", 3800), A("2146002", "fund", 900, years=(2023, 2024)),
            A("2080501", "retire", 120),
            A("2080801", "relief", 35, years=(2023,), in_budget=False),
        ) + COMMON_PERSONNEL,
        vehicles=(14, 0, 1, 2, 3, 6, 0, 0, 2),
        units=("示范市交通运输局（本级）", "示范市公路事业发展中心", "示范市交通运输综合行政执法支队"),
        duties=(
            "贯彻执行国家和省有关交通运输工作的方针政策和法律法规，拟订全市交通运输发展规划并组织实施。",
            "负责全市公路、水路行业管理，承担道路运输市场监管责任。",
            "负责市管公路建设和养护管理，组织实施重点交通基础设施项目。",
            "负责交通运输安全生产监督管理和应急处置工作。",
            "完成市委、市政府交办的其他任务。",
        ),
    ),
    Department(
        key="shifan_yjglj",
        names={2021: "示范市安全生产监督管理局", 2022: "示范市安全生产监督管理局",
               2023: "示范市应急管理局"},
        region="示范省示范市", layout="seed", unit="万元", entity_level="department", seed=202,
        civil_share=25,
        accounts=(
            A("2240101", "admin_run", 620), A("2240102", "project", 90),
            A("2240106", "project", 180), A("2240108", "project", 950),
            A("2240109", "project", 40, years=(2023, 2024)), A("2240150", "inst_run", 1500),
            A("2240199", "project", 130), A("2240501", "admin_run", 210),
            A("2240504", "project", 30, unexecuted=(2023,)),
            A("2240703", "project", 140, years=(2022, 2024), in_budget=False),
            A("2290401", "fund", 210, years=(2024,)),
            A("2080501", "retire", 40), A("2080502", "retire", 130),
            A("2080505", "pension", 280), A("2080506", "annuity", 170),
            A("2101101", "medical", 40), A("2101102", "medical", 95), A("2210201", "housing", 260),
        ),
        vehicles=(27, 0, 0, 2, 4, 0, 10, 0, 11),
        units=("示范市应急管理局（本级）", "示范市地震监测中心", "示范市应急救援支队",
               "示范市应急管理综合行政执法队"),
        duties=(
            "负责应急管理工作，指导各区县各部门应对安全生产类、自然灾害类等突发事件和综合防灾减灾救灾工作。",
            "组织编制市级总体应急预案和安全生产类、自然灾害类专项预案，组织开展预案演练。",
            "依法行使安全生产综合监督管理职权，指导协调、监督检查有关部门和区县安全生产工作。",
            "统一协调指挥各类应急专业队伍，建立应急协调联动机制。",
            "完成市委、市政府交办的其他任务。",
        ),
    ),
    Department(
        key="shifan_sfq_scjgj", names="示范市示范区市场监督管理局", region="示范省示范市示范区",
        layout="shanghai", unit="元", entity_level="department", seed=303,
        accounts=(
            A("2013801", "admin_run", 2100), A("2013802", "project", 240),
            A("2013804", "project", 160), A("2013805", "project", 310),
            A("2013808", "project", 180, years=(2021, 2022, 2023)),
            A("2013812", "project", 120), A("2013816", "project", 450),
            A("2013850", "inst_run", 380), A("2013899", "project", 95, unexecuted=(2024,)),
            A("2080501", "retire", 60), A("2101102", "medical", 30),
        ) + COMMON_PERSONNEL,
        vehicles=(9, 0, 0, 1, 0, 6, 2, 0, 0),
        units=("示范市示范区市场监督管理局（本级）", "示范市示范区市场监管所（派出机构）",
               "示范市示范区食品药品检验中心"),
        duties=(
            "负责全区市场综合监督管理，组织实施质量强区战略、食品安全战略和标准化战略。",
            "负责市场主体统一登记注册，组织指导全区市场监管综合执法工作。",
            "负责食品安全监督管理综合协调，组织开展食品安全监督抽检。",
            "负责药品、医疗器械和化妆品的零售使用环节质量监督管理。",
            "完成区委、区政府交办的其他任务。",
        ),
    ),
    Department(
        key="shifan_jkzx", names="示范市疾病预防控制中心", region="示范省示范市", layout="seed",
        unit="万元", entity_level="unit", seed=404, is_institution=True,
        accounts=(
            A("2100401", "inst_run", 1650, biz_share=18), A("2100408", "project", 420),
            A("2100409", "project", 780), A("2100499", "project", 120, years=(2021, 2022)),
            A("2080502", "retire", 160), A("2080505", "pension", 190),
            A("2080506", "annuity", 95), A("2101102", "medical", 85), A("2210201", "housing", 150),
        ),
        vehicles=(8, 0, 0, 0, 3, 0, 5, 0, 0),
        units=("示范市疾病预防控制中心（本级）",),
        duties=(
            "承担全市传染病、慢性病、地方病等疾病的监测、预防与控制工作。",
            "承担突发公共卫生事件的监测预警、风险评估和应急处置技术支持。",
            "开展免疫规划、健康教育与健康促进、卫生检验检测工作。",
            "承担基本公共卫生服务项目和重大公共卫生服务项目的技术指导。",
        ),
    ),
)
