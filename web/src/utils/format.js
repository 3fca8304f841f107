// Display formats shared by the views. Instants come from the API in RFC 3339 and are shown
// in the district's time zone (Asia/Shanghai) whatever the browser's zone.
const instantFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false
})

// 'YYYY-MM-DD HH:mm:ss' in Asia/Shanghai, '' for empty input, the input itself if unparsable.
export function formatInstant(iso) {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? String(iso) : instantFormat.format(d)
}

// The label of a code from a server list of {code, nameZh, nameEn} in the UI locale.
export function codeLabel(list, code, locale) {
  const item = (list || []).find((x) => x.code === code)
  if (!item) return code
  return locale === 'en' ? item.nameEn || item.nameZh : item.nameZh || item.nameEn
}

// A result's number on its printed report, short enough to read out on the phone:
// its Asia/Shanghai date and the id's last 8 characters, e.g. 20261125-3C0A91F2.
export function reportNumber(id, createdAt) {
  const day = formatInstant(createdAt).slice(0, 10).replaceAll('-', '')
  return `${day}-${String(id || '').slice(-8).toUpperCase()}`
}
