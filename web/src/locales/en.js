// English
export default {
  app: { name: 'Xinan', title: 'Social Psychological Services', language: 'Language', logout: 'Sign out', unit: 'Unit', menu: 'Menu' },
  menu: { results: 'Results', campaigns: 'Screening', rules: 'Warning rules', alerts: 'Alerts', home: 'Home', people: 'Residents', org: 'Org units', users: 'Users', audit: 'Audit log', breakGlass: 'Break-glass log' },
  common: {
    colon: ': ',
    pageNotFound: 'Page not found', backHome: 'Back to home',
    networkError: 'Network error: check the connection and try again', serverUnavailable: 'The server did not answer properly ({status}); try again later',
    listSeparator: ', ',
    search: 'Search', reset: 'Reset', create: 'New', edit: 'Edit', delete: 'Delete', save: 'Save', cancel: 'Cancel',
    confirm: 'Confirm', actions: 'Actions', detail: 'Details', back: 'Back', yes: 'Yes', no: 'No', all: 'All',
    total: '{n} in total', saved: 'Saved', deleted: 'Deleted', confirmDelete: 'Delete "{name}"? This cannot be undone.',
    confirmTitle: 'Please confirm', loading: 'Loading…', empty: 'No data', required: 'Required', sentenceSeparator: '; ',
    noPermission: 'Your role may not open that page',
    conflict: 'Someone else changed this record; close the dialog and open it again to edit'
  },
  login: {
    title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in',
    usernameRequired: 'Enter your username', passwordRequired: 'Enter your password'
  },
  password: { title: 'Change password', old: 'Current password', new: 'New password', repeat: 'Repeat new password', mismatch: 'The passwords differ', unchanged: 'The new password must differ from the current one', changed: 'Password changed; please sign in again' },
  home: {
    welcome: 'Welcome, {name}', roles: 'Roles', unit: 'Unit', hint: 'Use the menu on the left to start.', unitLink: 'Self-assessment link of your unit',
    hintNoRecords: 'Your role cannot see residents or alerts; ask a district administrator if you need them.',
    openAlerts: 'Open alerts', toInbox: 'Go to the inbox', overdue: '{n} overdue, not acknowledged', unread: '{n} unread notifications',
    noAlerts: 'No open alerts', due: 'respond by {at}', openCampaigns: 'Screening campaigns open today', toCampaigns: 'All campaigns',
    noCampaigns: 'No screening campaign is open today', more: '{n} more in all campaigns'
  },
  people: {
    name: 'Name', gender: 'Gender', birthDate: 'Birth date', birthYear: 'Born', idNumber: 'ID number', phone: 'Mobile', address: 'Address',
    unit: 'Village / community', tags: 'Population tags', createdAt: 'Registered', updatedAt: 'Updated', namePlaceholder: 'Search by name',
    idPlaceholder: 'Exact ID number', tagPlaceholder: 'Tag', unitPlaceholder: 'Unit',
    createTitle: 'Register a resident', editTitle: 'Edit resident', detailTitle: 'Resident record',
    auditedNotice: 'Viewing the full record is written to the audit log.', viaBreakGlass: 'Opened by break-glass (valid 24 h, audited)',
    breakGlass: 'Break glass', breakGlassTitle: 'Open a record outside your scope', breakGlassReason: 'Reason',
    breakGlassHint: 'Emergencies only: give a reason (at least 10 characters); access lasts 24 hours and is reported to the district admin.',
    reasonTooShort: 'Give a reason of at least 10 characters',
    idInvalid: 'Invalid ID number (18 characters with a correct check character)', phoneInvalid: 'Enter an 11-digit mainland mobile number',
    nameTooLong: 'At most 50 characters', addressTooLong: 'At most 200 characters', birthDateInvalid: 'Invalid birth date',
    birthDateMismatch: 'The birth date does not match the ID number', genderMismatch: 'The gender does not match the ID number'
  },
  self: {
    title: 'Self-assessment', consent: 'This check helps us understand how you have been feeling. The result is only used to offer you help and your data is kept confidential by law. You may stop at any time.',
    agree: 'I have read and agree to the consent above', start: 'Start', submit: 'Submit', yourResult: 'Your result',
    help: 'For help, visit your village or community counselling room, or call the 24-hour psychological aid line.',
    crisisTitle: 'Please get help now', crisisLine: '24-hour psychological aid line: 12356',
    howTitle: 'How to answer', anonymous: 'Anonymously (no name)', identified: 'With my name (so that staff can contact me)',
    idNumberOptional: 'ID number (optional)', progress: '{done} of {total} answered',
    positiveText: 'You may be under a lot of strain lately. Please talk to the staff of a counselling room soon; they keep what you say confidential and can help.',
    negativeText: 'You seem to be doing well overall. If things get hard later, help is always there.',
    mildText: 'You may have some mild troubles lately. Regular sleep, some exercise and talking with family and friends often help; if it lasts more than two weeks or gets worse, talk to the staff of your village or community counselling room, or call a hotline below.',
    thanksTitle: 'Thank you for taking part!', thanksText: 'Your answers have been submitted. Staff review the results of this screening and will contact you if needed.',
    helpTitle: 'Where to get help', unitRoom: 'The counselling staff of {unit} welcome you for a talk.', unitHotline: 'Local counselling hotline:',
    aidLine: '24-hour psychological aid line:', endedTitle: 'This screening has ended', endedText: '"{name}" is no longer open. Thank you for your interest.',
    linkInvalid: 'This link is not valid; please check with the organisation that gave it to you.', networkError: 'No connection; check your network and submit again. Your answers are still on this page.',
    scaleNotInCampaign: 'The questionnaire in this link is not part of "{name}"; please check with the organisation that gave it to you.', campaignScales: 'This campaign\'s questionnaires:'
  },
  alerts: {
    identified: 'Named self-assessment (not registered)', origin: 'Raised at',
    levelLabel: 'Level', level: { red: 'Red', orange: 'Orange', yellow: 'Yellow' },
    statusLabel: 'Status', status: { new: 'New', acknowledged: 'Acknowledged', in_progress: 'In progress', closed: 'Closed' },
    outcomeLabel: 'Outcome',
    outcome: { contacted_safe: 'Contacted, safe', referred: 'Referred', case_opened: 'Case opened', unreachable: 'Unreachable', false_positive: 'False positive' },
    scale: 'Scale', deadline: 'Respond by', createdAt: 'Raised', overdue: 'Overdue', open: 'Open',
    acknowledge: 'Acknowledge', close: 'Close', note: 'Note (optional)', refresh: 'Refresh',
    start: 'Start', detailTitle: 'Alert', timeline: 'Timeline', resident: 'Resident', openResident: 'Open record', showContact: 'Show contact',
    anonymous: 'Anonymous self-assessment', escalatedLabel: 'Escalation', escalatedTimes: 'Escalated {n} time(s)',
    action: { raised: 'Raised', acknowledged: 'Acknowledged', started: 'Started', closed: 'Closed', escalated: 'Escalated (deadline passed)', transferred: 'Transferred with the resident' },
    systemActor: { 'self-assessment': 'Self-assessment', escalation: 'System (escalation)', other: 'System' },
    noteSeparator: ': '
  },
  assess: {
    recordTitle: 'Psychological record', pickScale: 'Pick a scale to start', submit: 'Submit and score', total: 'Total', band: 'Band',
    positive: 'Positive', critical: 'Critical item positive', alertRaised: 'An alert was raised and sent to the inbox', openAlert: 'Open alert',
    noAlert: 'No alert raised', report: 'Report', again: 'Take again', history: 'Results over time', noHistory: 'No results yet',
    discardText: '{n} question(s) answered. Changing or cancelling the scale clears these answers. Continue?', discard: 'Clear answers', keepAnswering: 'Keep answering',
    takenAt: 'Taken', scale: 'Scale', keyboardHint: 'Keyboard: a digit answers and moves on, ←/→ change the answer, ↑/↓ or Enter move between questions.'
  },
  report: {
    title: 'Assessment report', print: 'Print', source: 'Administered', sources: { counsellor: 'By staff', self: 'Self-assessment' }, number: 'Report no.', recordId: 'Record id',
    scaleSection: 'About the scale', instructions: 'Instructions', scoreSection: 'Score', raw: 'Raw score', factor: 'Factor', factorScore: 'Score',
    interpretation: 'Interpretation', interpretBand: 'This result is "{band}".',
    positiveText: 'It suggests psychological distress that needs attention; a professional should assess further.', negativeText: 'It does not suggest marked psychological distress.',
    criticalText: 'A critical item was answered positively: assess the risk of self-harm or suicide now and start crisis intervention if needed.',
    guidance: 'Guidance and where to get help', guideCrisis: 'Assess the risk face to face at once and keep the person safe; in an emergency call 110 / 120.',
    guidePositive: 'Arrange a talk at the village/community counselling room or the town station within a week; refer to a psychiatric clinic if needed.',
    guideNegative: 'Keep regular sleep and exercise and stay in touch with family and friends; ask for help whenever needed.',
    guideHotline: '24-hour psychological aid line: 12356.', answers: 'Answers', item: 'Item', answer: 'Answer', value: 'Value',
    disclaimer: 'This report supports screening only and is not a clinical diagnosis.'
  },
  results: { anyScale: 'All scales', anySource: 'Any way', concerningOnly: 'Concerning only (positive or critical)', identifiedOnly: 'Contactable only (resident or named)', unit: 'Unit', critical: 'Critical item', alert: 'Alert', who: 'Respondent', campaign: 'Campaign' },
  rules: {
    unwatched: 'No rule watches the scores of: {scales}. Their results raise an alert only for a critical answer; add a rule if they should.',
    name: 'Rule name', scale: 'Scale', anyScale: 'Any scale', minTotal: 'Total at least', maxTotal: 'Total at most',
    maxTotalHint: 'for scales where low is worse (e.g. WHO-5)', minRise: 'Rise at least',
    minRiseHint: 'since the previous result on the same scale', requiresCritical: 'Critical item positive', requiredTags: 'Population tags', anyTag: 'Anyone (no tag needed)',
    conditionsHint: 'Set at least one condition: total at least or at most, rise, critical item or tags; all set conditions must hold.', conditionsLabel: 'Conditions',
    active: 'Active', createTitle: 'New warning rule', editTitle: 'Edit warning rule', searchPlaceholder: 'Search by rule name',
    descMinTotal: 'total ≥ {n}', descMaxTotal: 'total ≤ {n}', descMinRise: 'rise ≥ {n}', descCritical: 'critical item positive', descSeparator: '; ',
    levelInvalid: 'Choose an alert level', scaleUnknown: 'Unknown scale', numberInvalid: 'Enter a number', risePositive: 'The rise must be above 0', bandEmpty: 'The highest total must not be below the lowest', belowLowest: "Below the scale's lowest total: the rule could never fire",
    noCondition: 'A rule needs at least one condition'
  },
  notify: {
    title: 'Notifications', readAll: 'Mark all read', empty: 'No notifications',
    kind: { alert_raised: 'New alert', alert_escalated: 'Alert escalated', alert_transferred: 'Alert transferred (resident moved in)' }
  },
  campaigns: {
    unitFixed: 'The unit cannot change once the campaign exists', targetGroupTooLong: 'At most 200 characters', consentTooLong: 'At most 2,000 characters', respondents: 'Respondents (incl. off the roster)',
    name: 'Campaign', unit: 'Unit', targetGroup: 'Target group', targetGroupPlaceholder: 'e.g. grade 8 of a school, a factory, a village',
    scales: 'Scales', dates: 'Dates', startsOn: 'Starts', endsOn: 'Ends', consentText: 'Consent text',
    showResult: 'Show respondents their result', showResultOn: 'Respondents see their own result', showResultOff: 'Respondents see a thank-you and where to get help (usual in schools)',
    targetSize: 'Planned size', targetSizeHint: 'Once a roster is imported, coverage counts the roster', createTitle: 'New screening campaign', editTitle: 'Edit screening campaign',
    detailTitle: 'Screening campaign', searchPlaceholder: 'Search by campaign name', state: 'State', open: 'Open', closed: 'Ended',
    completedOfTarget: 'Done / target', coverage: 'Coverage', positiveRate: 'Positive rate', rosterSize: 'Roster size', completed: 'Completed', completedInRoster: 'Completed on roster',
    positive: 'Positive', byUnit: 'By unit', link: 'Self-assessment link and QR code', copy: 'Copy', copied: 'Link copied',
    qrAlt: 'QR code of the self-assessment link', poster: 'Print A4 poster', openLink: 'Open link', export: 'Export to Excel', roster: 'Roster',
    rosterImport: 'Import roster (Excel / CSV)', rosterHint: 'Headers: name, phone, unit code, group (optional); the file replaces the current roster, and nothing is imported if any row is wrong.', rosterReplaceConfirm: 'The roster has {n} names. Importing replaces them with the {m} rows of this file. Continue?',
    rosterImported: '{n} people imported', rosterRejected: 'The roster has {n} error(s); nothing was imported. Fix them and import again.',
    rosterHeaderMissing: 'Missing header(s): {columns}', rosterEmpty: 'The file holds no roster rows',
    rosterRow: 'Row', rosterColumn: 'Column', rosterProblem: 'Problem', rosterEmptyList: 'No roster imported yet', group: 'Group',
    columns: { name: 'Name', phone: 'Phone', unitCode: 'Unit code', group: 'Group', file: 'File' },
    nameTooLong: 'At most 200 characters', datesInvalid: 'Choose the start and end dates', endsBeforeStart: 'The end date cannot be before the start',
    targetSizeInvalid: 'The planned size is 0 or a positive whole number',
    coverageByRoster: 'Coverage = roster members who completed ÷ roster size; respondents off the roster do not count.',
    coverageByPlan: 'No roster yet: coverage = completed ÷ planned size.', exportFileName: '{name} - responses.xlsx'
  },
  poster: {
    title: 'Poster', headline: 'Mental health self-check', invitation: 'Caring for your mental health starts with knowing yourself. Scan the code below to take a short self-check in a few minutes; you see the result at once and where to get help.',
    invitationFollowUp: 'Caring for your mental health starts with knowing yourself. Scan the code below to take a short self-check in a few minutes. Results are not shown on your phone: professionals review them and contact you if needed, and the page tells you where to get help.',
    scan: 'Scan with WeChat or your phone camera', unitHotline: 'Counselling hotline', aidLine: '24-hour psychological aid line 12356',
    privacy: 'You may take part anonymously; your data is kept confidential by law and used only to help you.'
  },
  gender: { male: 'Male', female: 'Female' },
  org: {
    code: 'Division code', name: 'Name', level: 'Level', hotline: 'Hotline', active: 'Active', createChild: 'Add child',
    createTitle: 'New {level}', editTitle: 'Edit unit', deactivate: 'Deactivate', activate: 'Activate', inactive: 'Inactive', parent: 'Parent unit',
    codeInvalid: 'The code must be 12 digits', codeParentMismatch: 'The code must start with the parent\'s code (6 digits shared under a district, 9 under a town)',
    nameTooLong: 'At most 60 characters', hotlineInvalid: 'A hotline is 3–20 digits or dashes', searchPlaceholder: 'Filter by name or code',
    confirmDeactivate: 'Deactivate "{name}"? It will no longer be offered for new records.', confirmActivate: 'Activate "{name}" again?',
    importButton: 'Import CSV', importTitle: 'Import units from a CSV file', importChoose: 'Choose a CSV file', importTemplate: 'Download template',
    importHint: 'Header: code,name,level,parent_code,hotline (division code, name, level, parent\'s code, hotline — the hotline may be empty).\nLevel is town/village or its Chinese name; a parent is an existing unit or an earlier row. Nothing is imported unless every row is right.',
    importChosen: '{name}: {n} rows', importSubmit: 'Import', imported: '{n} units imported', importRejected: '{n} problems; nothing was imported. Fix the file and choose it again',
    parentCode: 'Parent code', importFile: 'File'
  },
  levels: { district: 'District', town: 'Town / sub-district', village: 'Village / community' },
  users: {
    username: 'Username', displayName: 'Name', unit: 'Unit', roles: 'Roles', active: 'Status', locked: 'Locked',
    enabled: 'Active', disabled: 'Inactive', password: 'Initial password', createTitle: 'New user', editTitle: 'Edit user',
    resetPassword: 'Reset password', newPassword: 'New password', confirmReset: 'Reset the password of "{name}"? All their sessions end.',
    passwordRule: 'At least 10 characters, not containing the username', searchPlaceholder: 'Username or name',
    passwordTooShort: 'At least 10 characters', passwordTooLong: 'At most 128 characters', passwordContainsUsername: 'The password must not contain the username',
    passwordReset: 'Password reset'
  },
  audit: {
    resident: 'Resident',
    seq: 'Seq', at: 'Time', actor: 'Actor', role: 'Role', action: 'Action', object: 'Object', person: 'Person ID',
    reason: 'Reason', requestId: 'Request ID', from: 'From', to: 'To', rangeTo: 'to', verify: 'Verify chain',
    verifyOk: 'Chain intact: {n} rows', verifyHead: 'Head {head}. Keep it outside the system (on paper or offline); `xinan verify-audit --head` checks it later and catches deleted newest rows or a chain rewritten whole.', verifyBroken: 'Chain broken at row {seq}: {reason}',
    actionPlaceholder: 'Action (pick or type a code)', usernamePlaceholder: 'Actor username',
    objectTypes: { person: 'Resident', user: 'User', session: 'Session', org_unit: 'Unit', campaign: 'Campaign', alert: 'Alert', assessment: 'Assessment', warning_rule: 'Warning rule' },
    actions: { auth_login: 'Sign-in', auth_login_failed: 'Failed sign-in', auth_logout: 'Sign-out', user_create: 'User created', user_update: 'User changed', user_password_change: 'Own password changed', user_password_reset: 'User password reset', org_unit_create: 'Unit created', org_unit_update: 'Unit changed', org_unit_delete: 'Unit deleted', person_create: 'Resident registered', person_read: 'Resident record read', person_update: 'Resident record changed', person_break_glass: 'Break-glass access', person_duplicate_refused: 'Registration refused: ID number already registered', assessment_create: 'Assessment submitted', assessment_read: 'Assessment report read', assessment_history: 'Psychological record read', assessment_respondent_read: 'Respondent contact read (result)', alert_raise: 'Alert raised', alert_acknowledged: 'Alert acknowledged', alert_started: 'Alert handling started', alert_closed: 'Alert closed', alert_escalate: 'Alert escalated', alert_read: 'Alert read', alert_transfer: 'Alert transferred with a moving resident', alert_respondent_read: 'Respondent contact read', warning_rule_create: 'Warning rule created', warning_rule_update: 'Warning rule changed', warning_rule_delete: 'Warning rule deleted', campaign_create: 'Campaign created', campaign_update: 'Campaign changed', campaign_delete: 'Campaign deleted', campaign_roster_import: 'Roster imported', campaign_export: 'Responses exported' },
    reasons: { accountLocked: 'account locked', wrongPassword: 'wrong password', wrongOldPassword: 'wrong current password (password change)', inactiveUser: 'account deactivated', unknownUsername: 'unknown username', breakGlass: 'break-glass' },
    grantUser: 'User', grantUnit: 'User unit', expiresAt: 'Expires', grantActive: 'Active', trail: 'Access log'
  },
  roles: {
    district_admin: 'District administrator', station_staff: 'Station staff', community_counsellor: 'Community counsellor',
    psych_prevention: 'Psychiatric prevention staff', hotline_operator: 'Hotline operator', crisis_team: 'Crisis team member',
    partner_department: 'Partner department',
    system: 'System'
  }
}
