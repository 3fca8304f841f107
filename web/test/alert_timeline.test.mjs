// The alert timeline's entries in words: system actors, a raise's scale, a close's outcome.
import { test } from 'node:test'
import { eventActor, eventDetail } from '../src/views/alerts/utils/timeline.js'
import { assertInWords } from './helpers.mjs'

const scaleLabel = (code) => (code === 'phq9' ? 'PHQ-9' : code)

test('actors: users as stored, system actors in words, unknown system actors as "system"', () => {
  const cases = [
    ['zh-CN', 'counsellor_330499001001', 'counsellor_330499001001'],
    ['zh-CN', 'system:self-assessment', '居民自评'],
    ['en', 'system:escalation', 'System (escalation)'],
    ['zh-CN', 'system:import', '系统'],
    ['en', '', '']
  ]
  assertInWords(eventActor, cases)
})

test('details: the raise names its scale, a close its outcome then the note, others as stored', () => {
  const cases = [
    ['zh-CN', { action: 'raised', detail: 'phq9' }, 'PHQ-9'],
    ['zh-CN', { action: 'closed', detail: 'contacted_safe' }, '已联系，安全'],
    ['zh-CN', { action: 'closed', detail: 'contacted_safe: 已电话联系，本人安全' }, '已联系，安全：已电话联系，本人安全'],
    ['en', { action: 'closed', detail: 'referred: to the district hospital\nnext week' }, 'Referred: to the district hospital\nnext week'],
    ['zh-CN', { action: 'acknowledged', detail: 'ok' }, 'ok'],                       // a note, not an outcome
    ['zh-CN', { action: 'escalated', detail: '东湖村 → 清溪镇' }, '东湖村 → 清溪镇'],
    ['en', { action: 'started', detail: '' }, '']
  ]
  assertInWords((event, t, te) => eventDetail(event, t, te, scaleLabel), cases)
})
