/**
 * Geography from CAC filing identifiers.
 * A generative-AI service filing id reads `<Province in pinyin>-<Service>-<YYYYMMDD[NNNN]>`
 * (e.g. Beijing-DeepseekChat-202404280016; the service is as the provider romanised it, hyphens and dots included:
 * Sichuan-MT-WorkGpt-20240424, Guangdong-Dr.GDCDC-20260706S0054); an app or
 * feature registered with a provincial office (登记) reads `<Province>-<Service>-<YYYYMMDD>S<NNNN>`; an algorithm filing number reads 网信算备 + a six-digit GB/T 2260
 * county code + operator digits + year + 号 (e.g. 网信算备110108…号: 110108 is Beijing's Haidian district).
 */
export type FilingId =
  | {
      kind: 'genai';
      provincePinyin: string;
      service: string;
      date: string;
      sequence: string | null;
      /** An app or feature registered (登记) with a provincial office, not a service filed (备案) with the CAC. */
      registered: boolean;
    }
  | { kind: 'algorithm'; countyCode: string; cityCode: string; provinceCode: string; rest: string };

export function parseFilingId(text: string): FilingId | null {
  const id = text.trim();
  const genai = /^([A-Za-z]+)-([^\s-][^\s]*?)-(\d{8})(S?)(\d{4})?$/u.exec(id);
  if (genai) {
    const [, province = '', service = '', ymd = '', s = '', seq] = genai;
    if (s === 'S' && seq === undefined) return null;
    const date = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
    if (Number.isNaN(Date.parse(date)) || new Date(date).toISOString().slice(0, 10) !== date) return null;
    return {
      kind: 'genai',
      provincePinyin: province.toLowerCase(),
      service,
      date,
      sequence: seq ?? null,
      registered: s === 'S',
    };
  }
  const algorithm = /^网信算备(\d{6})(\d+)号$/u.exec(id);
  if (algorithm) {
    const [, county = '', rest = ''] = algorithm;
    return {
      kind: 'algorithm',
      countyCode: county,
      // GB/T 2260: two digits of province, two of prefecture-level city, two of county.
      cityCode: `${county.slice(0, 4)}00`,
      provinceCode: `${county.slice(0, 2)}0000`,
      rest,
    };
  }
  return null;
}

export interface PlaceCodeTable {
  /** GB/T 2260 code → city entity id (from cited admin_code facts). */
  cityByCode: ReadonlyMap<string, string>;
  /** GB/T 2260 code → province entity id. */
  provinceByCode: ReadonlyMap<string, string>;
  /** Toneless pinyin without spaces ("zhejiang", "beijing") → province entity id. */
  provinceByPinyin: ReadonlyMap<string, string>;
}

export interface FilingPlace {
  province: string | null;
  city: string | null;
  county_code: string | null;
}

/** Where a filing was made, as far as its identifier and the cited code table tell. */
export function placeOfFiling(parsed: FilingId, table: PlaceCodeTable): FilingPlace {
  switch (parsed.kind) {
    case 'genai':
      return { province: table.provinceByPinyin.get(parsed.provincePinyin) ?? null, city: null, county_code: null };
    case 'algorithm': {
      // Municipalities (Beijing, Shanghai, Tianjin, Chongqing) carry their province-level code as the city's code.
      const city = table.cityByCode.get(parsed.cityCode) ?? table.cityByCode.get(parsed.provinceCode) ?? null;
      return { province: table.provinceByCode.get(parsed.provinceCode) ?? null, city, county_code: parsed.countyCode };
    }
    default: {
      const unreachable: never = parsed;
      return unreachable;
    }
  }
}
