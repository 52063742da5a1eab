/**
 * The institutions the synthetic snapshot draws on. SYNTHETIC TEST DATA: the names, countries and cities of the
 * named institutions are real (so resolution onto the bundled entities is exercised), but their OpenAlex ids
 * (I99…), the ror values and every work that cites them are made up. Never copy any of it into data/.
 */

/** [display name, ISO country, geo.city, OpenAlex type, international zh-hans name or null] */
export type InstitutionSeed = readonly [string, string, string, string, string | null];

export const NAMED_INSTITUTIONS: readonly InstitutionSeed[] = [
  ['Tsinghua University', 'CN', 'Beijing', 'education', '清华大学'],
  ['Peking University', 'CN', 'Beijing', 'education', '北京大学'],
  ['Zhejiang University', 'CN', 'Hangzhou', 'education', '浙江大学'],
  ['Shanghai Jiao Tong University', 'CN', 'Shanghai', 'education', '上海交通大学'],
  ['Fudan University', 'CN', 'Shanghai', 'education', '复旦大学'],
  ['University of Science and Technology of China', 'CN', 'Hefei', 'education', '中国科学技术大学'],
  ['Chinese Academy of Sciences', 'CN', 'Beijing', 'government', '中国科学院'],
  ['Harbin Institute of Technology', 'CN', 'Harbin', 'education', '哈尔滨工业大学'],
  ['Nanjing University', 'CN', 'Nanjing', 'education', '南京大学'],
  ['Sun Yat-sen University', 'CN', 'Guangzhou', 'education', '中山大学'],
  ['Wuhan University', 'CN', 'Wuhan', 'education', '武汉大学'],
  ['Beihang University', 'CN', 'Beijing', 'education', '北京航空航天大学'],
  ['Huazhong University of Science and Technology', 'CN', 'Wuhan', 'education', '华中科技大学'],
  ["Xi'an Jiaotong University", 'CN', "Xi'an", 'education', '西安交通大学'],
  ['Southern University of Science and Technology', 'CN', 'Shenzhen', 'education', '南方科技大学'],
  ['Beijing University of Technology', 'CN', 'Beijing', 'education', '北京工业大学'],
  ['Alibaba Group (China)', 'CN', 'Hangzhou', 'company', null],
  ['Tencent (China)', 'CN', 'Shenzhen', 'company', null],
  ['Baidu (China)', 'CN', 'Beijing', 'company', null],
  ['Huawei Technologies (China)', 'CN', 'Shenzhen', 'company', null],
  ['University of Hong Kong', 'HK', 'Hong Kong', 'education', '香港大学'],
  ['Chinese University of Hong Kong', 'HK', 'Hong Kong', 'education', '香港中文大学'],
  ['Hong Kong University of Science and Technology', 'HK', 'Hong Kong', 'education', '香港科技大学'],
  ['Massachusetts Institute of Technology', 'US', 'Cambridge', 'education', null],
  ['Stanford University', 'US', 'Stanford', 'education', null],
  ['Carnegie Mellon University', 'US', 'Pittsburgh', 'education', null],
  ['University of California, Berkeley', 'US', 'Berkeley', 'education', null],
  ['Harvard University', 'US', 'Cambridge', 'education', null],
  ['Google (United States)', 'US', 'Mountain View', 'company', null],
  ['Microsoft (United States)', 'US', 'Redmond', 'company', null],
  ['University of Washington', 'US', 'Seattle', 'education', null],
  ['New York University', 'US', 'New York', 'education', null],
  ['University of Michigan', 'US', 'Ann Arbor', 'funder', '密歇根大学'],
  ['University of Oxford', 'GB', 'Oxford', 'education', null],
  ['University of Cambridge', 'GB', 'Cambridge', 'education', null],
  ['Imperial College London', 'GB', 'London', 'education', null],
  ['University College London', 'GB', 'London', 'education', null],
  ['University of Edinburgh', 'GB', 'Edinburgh', 'education', null],
  ['Technical University of Munich', 'DE', 'Munich', 'education', null],
  ['Ludwig-Maximilians-Universität München', 'DE', 'Munich', 'education', null],
  ['University of Tübingen', 'DE', 'Tübingen', 'education', null],
  ['Karlsruhe Institute of Technology', 'DE', 'Karlsruhe', 'education', null],
  ['Sorbonne Université', 'FR', 'Paris', 'education', null],
  ['Université Paris-Saclay', 'FR', 'Gif-sur-Yvette', 'education', null],
  ['École Polytechnique', 'FR', 'Palaiseau', 'education', null],
  ['Centre National de la Recherche Scientifique', 'FR', 'Paris', 'government', null],
  ['University of Toronto', 'CA', 'Toronto', 'education', null],
  ['University of Tokyo', 'JP', 'Tokyo', 'education', null],
  ['Seoul National University', 'KR', 'Seoul', 'education', null],
  ['National University of Singapore', 'SG', 'Singapore', 'education', null],
  ['Indian Institute of Science', 'IN', 'Bengaluru', 'education', null],
  ['ETH Zurich', 'CH', 'Zurich', 'education', null],
  ['University of Melbourne', 'AU', 'Melbourne', 'education', null],
];

/** Share of works led from each country, and cities that filler institutions of the country sit in. */
export const COUNTRY_MIX: readonly (readonly [string, number, string, readonly string[]])[] = [
  ['CN', 0.34, 'China', ['Beijing', 'Shanghai', 'Shenzhen', 'Hangzhou', 'Nanjing', 'Wuhan', 'Chengdu', 'Suzhou']],
  ['US', 0.24, 'United States', ['Boston', 'New York', 'San Francisco', 'Austin', 'Seattle', 'Chicago']],
  ['GB', 0.06, 'United Kingdom', ['London', 'Manchester', 'Cambridge']],
  ['DE', 0.06, 'Germany', ['Munich', 'Berlin', 'Stuttgart']],
  ['FR', 0.04, 'France', ['Paris', 'Lyon', 'Grenoble']],
  ['HK', 0.04, 'Hong Kong', ['Hong Kong']],
  ['IN', 0.05, 'India', ['Bengaluru', 'Delhi', 'Chennai']],
  ['JP', 0.04, 'Japan', ['Tokyo', 'Osaka']],
  ['KR', 0.03, 'South Korea', ['Seoul', 'Daejeon']],
  ['CA', 0.03, 'Canada', ['Toronto', 'Montreal']],
  ['AU', 0.03, 'Australia', ['Sydney', 'Melbourne']],
  ['SG', 0.02, 'Singapore', ['Singapore']],
  ['CH', 0.02, 'Switzerland', ['Zurich', 'Lausanne']],
];

/** [id, display name, subfield id, subfield name]: synthetic topics; ids T99… exist nowhere in OpenAlex. */
export const SYNTHETIC_TOPICS: readonly (readonly [string, string, string, string])[] = [
  ['T99001', 'Large language models (synthetic topic)', '1702', 'Artificial Intelligence'],
  ['T99002', 'Reinforcement learning (synthetic topic)', '1702', 'Artificial Intelligence'],
  ['T99003', 'Multimodal learning (synthetic topic)', '1702', 'Artificial Intelligence'],
  ['T99004', 'Knowledge graphs (synthetic topic)', '1702', 'Artificial Intelligence'],
  ['T99005', 'AI agents and planning (synthetic topic)', '1702', 'Artificial Intelligence'],
  ['T99006', 'Speech recognition (synthetic topic)', '1702', 'Artificial Intelligence'],
  ['T99007', 'Robot learning (synthetic topic)', '1702', 'Artificial Intelligence'],
  ['T99008', 'Federated learning (synthetic topic)', '1702', 'Artificial Intelligence'],
  ['T99009', 'Graph neural networks (synthetic topic)', '1702', 'Artificial Intelligence'],
  ['T99010', 'Explainable AI (synthetic topic)', '1702', 'Artificial Intelligence'],
  ['T99101', 'Image segmentation (synthetic topic)', '1707', 'Computer Vision and Pattern Recognition'],
  ['T99102', 'Wireless networks (synthetic topic)', '1705', 'Computer Networks and Communications'],
];
