// Well-Known Text → GeoJSON geometry objects (then fed to the ShapeCollector like any
// GeoJSON). CSV exports from open-data portals often carry geometry as WKT, e.g. the
// NYC 311 `Location` column: "POINT (-73.88 40.65)". Accepts Z/M/ZM tags, EMPTY and
// an EWKT "SRID=4326;" prefix; returns null for text that is not WKT.

type Coords = number[] | Coords[];

interface Geometry {
  type: string;
  coordinates?: Coords;
  geometries?: Geometry[];
}

const TYPES: Record<string, string> = {
  POINT: 'Point',
  LINESTRING: 'LineString',
  POLYGON: 'Polygon',
  MULTIPOINT: 'MultiPoint',
  MULTILINESTRING: 'MultiLineString',
  MULTIPOLYGON: 'MultiPolygon',
  GEOMETRYCOLLECTION: 'GeometryCollection',
};

/** Cheap test used to find a WKT column: does the text start like a WKT geometry? */
export const WKT_PREFIX = /^\s*(SRID=\d+;\s*)?(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\s*(Z|M|ZM)?\s*(\(|EMPTY)/i;

class Parser {
  i = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  word(): string {
    this.ws();
    const m = /^[A-Za-z]+/.exec(this.s.slice(this.i, this.i + 24));
    if (!m) return '';
    this.i += m[0].length;
    return m[0].toUpperCase();
  }
  eat(ch: string): boolean {
    this.ws();
    if (this.s[this.i] === ch) {
      this.i++;
      return true;
    }
    return false;
  }
  expect(ch: string): void {
    if (!this.eat(ch)) throw new Error(`expected "${ch}" at ${this.i}`);
  }
  number(): number {
    this.ws();
    const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(this.s.slice(this.i, this.i + 40));
    if (!m) throw new Error(`expected a number at ${this.i}`);
    this.i += m[0].length;
    return Number(m[0]);
  }
  position(): number[] {
    const p = [this.number(), this.number()];
    // Z and/or M: read and drop.
    for (;;) {
      this.ws();
      const ch = this.s[this.i];
      if (ch === ',' || ch === ')' || ch === undefined) break;
      this.number();
    }
    return p;
  }
  /** A list in parentheses of items read by `item`. */
  list<T>(item: () => T): T[] {
    this.expect('(');
    const out = [item()];
    while (this.eat(',')) out.push(item());
    this.expect(')');
    return out;
  }
  /** MULTIPOINT allows both (1 2, 3 4) and ((1 2), (3 4)). */
  multiPointItem(): number[] {
    this.ws();
    if (this.s[this.i] === '(') {
      this.i++;
      const p = this.position();
      this.expect(')');
      return p;
    }
    return this.position();
  }
  geometry(depth: number): Geometry {
    if (depth > 16) throw new Error('WKT nests too deep');
    const name = this.word();
    const type = TYPES[name];
    if (!type) throw new Error(`unknown WKT type ${name}`);
    const save = this.i;
    const dim = this.word();
    if (dim !== 'Z' && dim !== 'M' && dim !== 'ZM' && dim !== 'EMPTY') this.i = save;
    if (dim === 'EMPTY' || this.word() === 'EMPTY') {
      return type === 'GeometryCollection' ? { type, geometries: [] } : { type, coordinates: [] };
    }
    switch (type) {
      case 'Point':
        return { type, coordinates: this.list(() => this.position())[0] };
      case 'LineString':
        return { type, coordinates: this.list(() => this.position()) };
      case 'Polygon':
      case 'MultiLineString':
        return { type, coordinates: this.list(() => this.list(() => this.position())) };
      case 'MultiPoint':
        return { type, coordinates: this.list(() => this.multiPointItem()) };
      case 'MultiPolygon':
        return { type, coordinates: this.list(() => this.list(() => this.list(() => this.position()))) };
      default:
        return { type, geometries: this.list(() => this.geometry(depth + 1)) };
    }
  }
}

/** Parse WKT; null when the text is empty or not WKT. Throws nothing. */
export function parseWkt(text: string | null | undefined): Geometry | null {
  if (!text || !WKT_PREFIX.test(text)) return null;
  const p = new Parser(text.replace(/^\s*SRID=\d+;/i, ''));
  try {
    const g = p.geometry(0);
    p.ws();
    return p.i === p.s.length ? g : null;
  } catch {
    return null;
  }
}
