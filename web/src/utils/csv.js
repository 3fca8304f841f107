// CSV uploads shared by the imports (campaign rosters, org units): decoding the file as Excel
// writes it, and the server's "line N: column" errors mapped back to the rows of the user's
// file. Pure functions, unit-tested in web/test/roster.test.mjs.

// The server's import errors as [{row, column, code, message}], `row` being the row of the
// user's file (null for an error of the whole file), in file order.
export function lineErrors(errors, sourceRows) {
  return (errors || []).map((e) => {
    const m = /^line (\d+)(?::\s*(\w+))?$/.exec(e.field || '')
    const line = m ? Number(m[1]) : null
    return {
      row: line ? sourceRows?.[line - 1] ?? line : null,
      column: m ? m[2] || '' : e.field || '',
      code: e.code,
      message: e.message || e.code
    }
  }).sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
}

// The text of a CSV file: UTF-8, or GB 18030 (what Chinese Excel writes) when it is not UTF-8.
export function decodeCsv(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}
