/** Display helpers shared by pages. */
import { lang, messages, num } from './i18n.ts';

/** Entity kinds (src/model/types.ts ENTITY_KINDS) as a Chinese reader names them. */
const KIND_ZH: Record<string, string> = {
  company: '公司',
  lab: '实验室',
  university: '高校',
  government: '政府机构',
  investor: '投资机构',
  organization: '机构',
  person: '人物',
  country: '国家',
  province: '省份',
  city: '城市',
  bloc: '国家集团',
  'ai-model': 'AI 模型',
  product: '产品',
  robot: '机器人',
  event: '事件',
};

/** Segments (src/model/types.ts SEGMENTS) in Chinese. */
const SEGMENT_ZH: Record<string, string> = {
  llm: '大模型',
  multimodal: '多模态',
  vision: '计算机视觉',
  speech: '语音',
  'humanoid-robots': '人形机器人',
  'other-robots': '其他机器人',
  'autonomous-driving': '自动驾驶',
  'ai-chips': 'AI 芯片',
  'agent-platforms': '智能体平台',
  games: '游戏',
  bci: '脑机接口',
  'spatial-3d': '空间智能 / 3D 设计',
  'cloud-platform': '云平台',
};

/** Humanoid-robot components (src/model/types.ts COMPONENTS) as a Chinese supply-chain analyst names them. */
const COMPONENT_ZH: Record<string, string> = {
  'harmonic-reducer': '谐波减速器',
  'planetary-reducer': '行星减速器',
  'rv-reducer': 'RV 减速器',
  'roller-screw': '行星滚柱丝杠',
  'ball-screw': '滚珠丝杠',
  'frameless-torque-motor': '无框力矩电机',
  'coreless-motor': '空心杯电机',
  'servo-drive': '伺服驱动器',
  'actuator-module': '关节模组',
  'dexterous-hand': '灵巧手',
  'force-torque-sensor': '力/力矩传感器',
  'tactile-sensor': '触觉传感器',
  encoder: '编码器',
  lidar: '激光雷达',
  camera: '摄像头',
  chip: '芯片',
  battery: '电池',
  bearing: '轴承',
};

/** Fact attributes a Chinese reader would look for, named in Chinese (any other shows as recorded). */
const ATTR_ZH: Record<string, string> = {
  founded: '成立时间',
  founding_date: '成立日期',
  founding_place: '成立地点',
  incorporated: '注册时间',
  incorporated_in: '注册地',
  release_date: '发布日期',
  publication_date: '发表日期',
  listing_date: '上市日期',
  listing_year: '上市年份',
  stock_listing: '上市地点',
  merger_date: '合并日期',
  merged_into: '并入',
  date: '日期',
  website: '网站',
  status: '状态',
  legal_name: '法定名称',
  investor_type: '投资方类型',
  admin_code: '行政区划代码',
  moe_code: '教育部院校代码',
  supervising_department: '主管部门',
  division_type: '行政区划类型',
  iso_code: 'ISO 代码',
  population: '人口',
  component: '零部件',
  type: '类型',
  open_weights: '开放权重',
  parameters: '参数量',
  active_parameters: '激活参数量',
  licence: '许可证',
  born: '出生',
  height: '身高',
  weight: '重量',
  employees: '员工人数',
  parent_company: '母公司',
  document_number: '文号',
  effective_date: '生效日期',
  milestone: '里程碑',
  uscc: '统一社会信用代码',
  country: '国家',
  domain: '领域',
  link: '链接',
  level: '办学层次',
  accessibility: '开放程度',
  training_compute: '训练算力',
  ownership: '所有制',
  ai_class: 'AI 类别',
  category: '类别',
  first_listed: '首次列入',
  eligible_segment: '所属细分领域',
  issuer: '发布机关',
  policy_type: '政策类型',
  amount: '金额',
  group: '分组',
  county_seat_of: '县治所在',
  bat_member: 'BAT 成员',
  location_as_listed: '所列地点',
  project_started: '项目启动',
  alumni_companies_newly_listed: '校友企业新上市数',
  insead_note: 'INSEAD 文章所述',
  first_steps: '首次行走',
  actual_controller: '实际控制人',
  notable_ai_cluster: '人工智能产业集群',
  publicly_released: '公开发布',
  associated_company: '关联公司',
  mass_production_start: '量产开始',
  city_established: '建市',
  announced: '宣布',
  legal_name_zh: '中文法定名称',
  driverless_commercial_permit: '无人驾驶商业化许可',
  died: '逝世',
  open_model_release: '开源模型发布',
  robotics_rd_engineers: '机器人研发工程师人数',
  traces_roots_to: '渊源',
  largest_shareholder: '最大股东',
  owner: '所有者',
  municipality_established: '设立直辖市',
  joined_suny: '加入纽约州立大学系统',
  cayman_incorporated: '开曼群岛注册',
  headquarters: '总部',
  alumni_unicorn_companies: '校友独角兽企业数',
  mission_founded: '前身创办',
  origin: '起源',
  became_university: '更名为大学',
  listed_alumni_companies: '校友上市企业数',
  platform_type: '平台类型',
  fair_founded: '展会创办',
  hyundai_stake: '现代汽车持股',
  company_type: '公司类型',
  prefecture_of: '所属地级市',
  first_mentioned: '最早记载',
  city_status_granted: '设市',
  claim: '说法',
  hkex_listing_application: '港交所上市申请',
  guinness_record_walk_distance: '吉尼斯纪录行走距离',
  ipo_tutoring_filed: '上市辅导备案',
  xbox_release_date: 'Xbox 版发布日期',
  founding_team_size: '创始团队人数',
  operating_entity: '运营主体',
  hangzhou_six_little_dragons: '杭州“六小龙”',
  unveiled: '发布亮相',
  founded_in: '成立地',
  hk_secondary_listing_date: '香港二次上市日期',
  starting_price: '起售价',
  open_weights_variant: '开放权重版本',
  annual_capacity_units: '年产能（台）',
  additional_office: '其他办公地点',
  robotics_lidar_deliveries_2025q1: '2025年第一季度机器人激光雷达交付量',
  international_brand: '国际品牌',
  political_status: '政治地位',
  town_status_granted: '设镇',
  campus_location: '校区所在地',
};

const T = messages(
  {
    undisclosed: 'undisclosed',
    kind: (kind: string) => kind,
    segment: (segment: string) => segment,
    attr: (attr: string) => attr.replace(/_/g, ' '),
  },
  {
    undisclosed: '未披露',
    kind: (kind: string) => KIND_ZH[kind] ?? kind,
    segment: (segment: string) => SEGMENT_ZH[segment] ?? segment,
    attr: (attr: string) => ATTR_ZH[attr] ?? attr.replace(/_/g, ' '),
  },
);

/** An entity kind as the reader's language names it (English: the kind itself, "ai-model"). */
export const kindName = (kind: string): string => T().kind(kind);

/** A segment id as the reader's language names it (English: the id itself, "llm"). */
export const segmentName = (segment: string): string => T().segment(segment);

/** A fact's attribute as the reader's language names it ("founded_by" → "founded by"; in 中文 "成立时间"). */
export const attrName = (attr: string): string => T().attr(attr);

/** A humanoid-robot component id as the reader's language names it ("harmonic-reducer" → "harmonic reducer" / "谐波减速器"). */
export const componentName = (c: string): string => (lang() === 'zh' ? (COMPONENT_ZH[c] ?? c) : c.replace(/-/g, ' '));

/** A readable place name from an id ("city:hong-kong" → "Hong Kong") when only the id is at hand. */
export function placeName(id: string): string {
  return id
    .replace(/^[a-z]+:/, '')
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** Each value once, in first-seen order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** How a source qualifies an amount (src/model/types.ts AMOUNT_QUALIFIERS), in Chinese. */
const QUALIFIER_ZH: Record<string, string> = { about: '约', over: '超过', 'up-to': '最高' };

/**
 * "over CNY 2.5 bn": an amount as reported, in its currency. In 中文 the units are 亿 and 万 ("超过 CNY 25亿"); the
 * amount is never converted.
 */
export function money(amount: number | null, currency: string | null, qualifier?: string | null): string {
  if (amount === null || currency === null) return T().undisclosed;
  const qualified = qualifier && qualifier !== 'exact' ? qualifier : null;
  if (lang() === 'zh') {
    const [v, unit] = amount >= 1e8 ? [amount / 1e8, '亿'] : amount >= 1e4 ? [amount / 1e4, '万'] : [amount, ''];
    const q = qualified ? `${QUALIFIER_ZH[qualified] ?? qualified} ` : '';
    return `${q}${currency} ${num(v, 2)}${unit}`;
  }
  const [v, unit] = amount >= 1e9 ? [amount / 1e9, ' bn'] : amount >= 1e6 ? [amount / 1e6, ' m'] : [amount, ''];
  const q = qualified ? `${qualified.replace('-', ' ')} ` : '';
  return `${q}${currency} ${Number(v.toFixed(2)).toLocaleString('en')}${unit}`;
}

/** A price axis tick as a reader reads it: 0.3, not "300m". */
export const plain = (d: number) => (d >= 1 ? d.toLocaleString('en') : String(Number(d.toPrecision(2))));

/** The name of a price column, saying what it holds: input or output, currency, unit. */
export const priceColumn = (side: string, currency: string) =>
  `${side}_price_${currency.toLowerCase()}_per_million_tokens`;
