// The self-assessment link of a unit (and campaign), as the server's QR code encodes it, the
// by-unit chart of a campaign's stats and the file name of its export. Pure, unit-tested.

// `/s/<unitCode>?scale=<code>[&campaign=<id>]`
export function selfAssessmentPath(unitCode, scale, campaignId) {
  const q = new URLSearchParams({ scale: scale || 'phq9' })
  if (campaignId) q.set('campaign', campaignId)
  return `/s/${encodeURIComponent(unitCode)}?${q.toString()}`
}

// Bars of target and completed per unit, with coverage (%) on a second axis.
export function byUnitChartOption(byUnit, labels) {
  const units = (byUnit || []).map((u) => u.unitName)
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 50, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: units },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: labels.target, type: 'bar', data: byUnit.map((u) => u.target) },
      { name: labels.completed, type: 'bar', data: byUnit.map((u) => u.completed) },
      { name: labels.coverage, type: 'line', yAxisIndex: 1, data: byUnit.map((u) => Math.round((u.coverage || 0) * 1000) / 10) }
    ]
  }
}

// The name to save a campaign's export under: the server's plain `campaign-<id>.xlsx` (or no
// name) becomes `named(<campaign name>)`, e.g. "东湖村普查-答卷.xlsx", with the characters file
// systems refuse replaced; any other name the server gives is kept.
export function exportFileName(serverName, campaign, named) {
  const plain = `campaign-${campaign.id}.xlsx`
  if (serverName && serverName !== plain) return serverName
  const name = String(campaign.name || '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 100)
  return name ? named(name) : plain
}
