// The audit log in words: action codes ("person.read") and the reasons the server records
// ("wrong password; account locked") translated where known, shown as stored otherwise.
// Pure; `t`/`te` are vue-i18n's.

// Every action the server audits (server/src/**: actor.Event(...)), for the filter's list.
export const AUDIT_ACTIONS = [
  'auth.login', 'auth.login_failed', 'auth.logout', 'user.create', 'user.update', 'user.password_change', 'user.password_reset',
  'org_unit.create', 'org_unit.update', 'org_unit.delete',
  'person.create', 'person.read', 'person.update', 'person.break_glass', 'person.duplicate_refused',
  'assessment.create', 'assessment.read', 'assessment.history', 'assessment.respondent_read',
  'alert.raise', 'alert.acknowledged', 'alert.started', 'alert.closed', 'alert.escalate', 'alert.read', 'alert.transfer', 'alert.respondent_read',
  'warning_rule.create', 'warning_rule.update', 'warning_rule.delete',
  'campaign.create', 'campaign.update', 'campaign.delete', 'campaign.roster_import', 'campaign.export'
]

const REASON_KEYS = {
  'account locked': 'accountLocked', 'wrong password': 'wrongPassword', 'wrong old password': 'wrongOldPassword', 'inactive user': 'inactiveUser',
  'unknown username': 'unknownUsername', 'break-glass': 'breakGlass'
}

// "查看居民档案" for person.read; the code itself for an action without a translation.
export function actionLabel(code, t, te) {
  const key = `audit.actions.${String(code || '').replace('.', '_')}`
  return code && te(key) ? t(key) : code || ''
}

// The object of an event in words with a short id: "居民 …8f28bfa3" for ("person", id); the full
// id stays in the cell's tooltip. An unknown type shows as recorded.
export function objectText(type, id, t, te) {
  if (!type && !id) return ''
  const key = `audit.objectTypes.${type}`
  const name = type && te(key) ? t(key) : type || ''
  return id ? `${name} …${String(id).slice(-8)}` : name
}

// Known parts of a recorded reason in words, joined as recorded ("; "); a reason a person typed
// (a break-glass justification) is not among them and stays as typed.
export function reasonText(reason, t, te) {
  if (!reason) return ''
  return reason.split('; ').map((part) => {
    const key = REASON_KEYS[part] && `audit.reasons.${REASON_KEYS[part]}`
    return key && te(key) ? t(key) : part
  }).join(t('common.listSeparator'))
}
