// Names of scales for display, from the list GET /scales returns ({code, name: {zh-CN, en}}).
import { localText } from './answers.js'

// The name of scale `code` in `locale`, or the code itself for a scale not in the list.
export function scaleName(scales, code, locale) {
  return localText((scales || []).find((s) => s.code === code)?.name, locale) || code
}

// For narrow columns: the abbreviation a name ends with in brackets ("PHQ-9" from
// "患者健康问卷抑郁量表（PHQ-9）"), else the whole name.
export function scaleShortName(scales, code, locale) {
  const name = scaleName(scales, code, locale)
  const m = /[（(]([^（()）]+)[）)]\s*$/.exec(name)
  return m ? m[1] : name
}
