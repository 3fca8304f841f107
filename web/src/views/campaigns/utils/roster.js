// A campaign roster from a spreadsheet: the rows of an .xlsx sheet or a CSV file become the CSV
// the server takes (`name,phone,unitCode,group`), whatever the column order and whether the
// headers are Chinese or English; the server's "line N: column" errors are mapped back to the
// rows of the user's own file. Pure functions, unit-tested in web/test/roster.test.mjs.

export const ROSTER_COLUMNS = ['name', 'phone', 'unitCode', 'group']
const HEADER_NAMES = {
  name: ['name', '姓名', '名字'],
  phone: ['phone', 'mobile', '手机', '手机号', '手机号码', '电话', '联系电话'],
  unitCode: ['unitcode', 'unit_code', 'unit', '单位代码', '机构代码', '区划代码', '村社区代码', '村(社区)代码', '村（社区）代码', '所属村社区代码'],
  group: ['group', '分组', '组别', '班级', '人群', '对象']
}
const normHeader = (v) => cellText(v).toLowerCase().replace(/[\s*]/g, '')

// A cell as text: numbers without exponent or trailing .0, dates as YYYY-MM-DD, newlines as spaces.
export function cellText(v) {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10)
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v)
  return String(v).replace(/[\r\n]+/g, ' ').trim()
}

// A CSV field, quoted when it holds a comma, a quote or surrounding space.
export function csvField(s) {
  return /[",]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

// The rows of a CSV text (quoted fields with "" escapes; BOM ignored); one row per line, so
// row numbers are line numbers.
export function parseCsv(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if (lines.length && lines.at(-1) === '') lines.pop()
  return lines.map((line) => {
    const out = []
    let cur = ''
    let quoted = false
    for (let i = 0; i < line.length; i++) {
      const c = line[i]
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cur += '"'; i++ } else if (c === '"') quoted = false
        else cur += c
      } else if (c === '"') quoted = true
      else if (c === ',') { out.push(cur); cur = '' } else cur += c
    }
    out.push(cur)
    return out
  })
}

const blankRow = (row) => !row || row.every((c) => cellText(c) === '')

// {csv, sourceRows, count} from sheet rows (arrays of cells) whose first non-blank row is the
// header; or {error: 'campaigns.rosterHeaderMissing', missing: [columns]}. `sourceRows[k]` is
// the 1-based row of the file behind CSV line k + 1 (line 1 is the header).
export function rowsToRosterCsv(rows) {
  const headerAt = rows.findIndex((r) => !blankRow(r))
  if (headerAt < 0) return { error: 'campaigns.rosterEmpty', missing: [] }
  const header = rows[headerAt].map(normHeader)
  const index = {}
  for (const col of ROSTER_COLUMNS) index[col] = header.findIndex((h) => HEADER_NAMES[col].includes(h))
  const missing = ['name', 'unitCode'].filter((c) => index[c] < 0)
  if (missing.length) return { error: 'campaigns.rosterHeaderMissing', missing }
  const lines = [ROSTER_COLUMNS.join(',')]
  const sourceRows = [headerAt + 1]
  for (let i = headerAt + 1; i < rows.length; i++) {
    if (blankRow(rows[i])) continue
    lines.push(ROSTER_COLUMNS.map((c) => csvField(index[c] < 0 ? '' : cellText(rows[i][index[c]]))).join(','))
    sourceRows.push(i + 1)
  }
  if (lines.length === 1) return { error: 'campaigns.rosterEmpty', missing: [] }
  return { csv: lines.join('\n') + '\n', sourceRows, count: lines.length - 1 }
}
