// How an alert's timeline entry reads: system actors in words ("居民自评"), a raise by its
// scale, a close by its outcome in words and then the note. Pure; `t`/`te` are vue-i18n's.

// The actor of an event: a user's name as stored, a system actor ("system:escalation") in words.
export function eventActor(actor, t, te) {
  if (!actor || !actor.startsWith('system:')) return actor || ''
  const key = `alerts.systemActor.${actor.slice('system:'.length)}`
  return te(key) ? t(key) : t('alerts.systemActor.other')
}

// The detail of an event: a raise names its scale (`scaleLabel(code)`); a close stores
// "<outcome>[: note]"; other details (a note, "东湖村 → 清溪镇") are shown as stored.
export function eventDetail(event, t, te, scaleLabel) {
  const detail = event?.detail || ''
  if (!detail) return ''
  if (event.action === 'raised') return scaleLabel(detail)
  const m = /^([a-z_]+)(?:: ([\s\S]*))?$/.exec(detail)
  if (m && te(`alerts.outcome.${m[1]}`)) {
    return t(`alerts.outcome.${m[1]}`) + (m[2] ? t('alerts.noteSeparator') + m[2] : '')
  }
  return detail
}
