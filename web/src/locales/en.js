// English
export default {
  app: { name: 'Xinan', title: 'Social Psychological Services', language: 'Language', logout: 'Sign out', unit: 'Unit' },
  menu: { alerts: 'Alerts', home: 'Home', people: 'Residents', org: 'Org units', users: 'Users', audit: 'Audit log', breakGlass: 'Break-glass log' },
  common: {
    search: 'Search', reset: 'Reset', create: 'New', edit: 'Edit', delete: 'Delete', save: 'Save', cancel: 'Cancel',
    confirm: 'Confirm', actions: 'Actions', detail: 'Details', back: 'Back', yes: 'Yes', no: 'No', all: 'All',
    total: '{n} in total', saved: 'Saved', deleted: 'Deleted', confirmDelete: 'Delete "{name}"? This cannot be undone.',
    confirmTitle: 'Please confirm', loading: 'Loading…', empty: 'No data', required: 'Required',
    conflict: 'Someone else changed this record; close the dialog and open it again to edit'
  },
  login: {
    title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in',
    usernameRequired: 'Enter your username', passwordRequired: 'Enter your password'
  },
  password: { title: 'Change password', old: 'Current password', new: 'New password', repeat: 'Repeat new password', mismatch: 'The passwords differ', changed: 'Password changed; please sign in again' },
  home: { welcome: 'Welcome, {name}', roles: 'Roles', unit: 'Unit', hint: 'Use the menu on the left to start.' },
  people: {
    name: 'Name', gender: 'Gender', birthDate: 'Birth date', idNumber: 'ID number', phone: 'Mobile', address: 'Address',
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
    crisisTitle: 'Please get help now', crisisLine: '24-hour psychological aid line: 12356'
  },
  alerts: {
    levelLabel: 'Level', level: { red: 'Red', orange: 'Orange', yellow: 'Yellow' },
    statusLabel: 'Status', status: { new: 'New', acknowledged: 'Acknowledged', in_progress: 'In progress', closed: 'Closed' },
    outcomeLabel: 'Outcome',
    outcome: { contacted_safe: 'Contacted, safe', referred: 'Referred', case_opened: 'Case opened', unreachable: 'Unreachable', false_positive: 'False positive' },
    scale: 'Scale', deadline: 'Respond by', createdAt: 'Raised', overdue: 'Overdue', open: 'Open',
    acknowledge: 'Acknowledge', close: 'Close', note: 'Note (optional)', refresh: 'Refresh'
  },
  gender: { male: 'Male', female: 'Female' },
  org: {
    code: 'Division code', name: 'Name', level: 'Level', hotline: 'Hotline', active: 'Active', createChild: 'Add child',
    createTitle: 'New {level}', editTitle: 'Edit unit', deactivate: 'Deactivate', activate: 'Activate', inactive: 'Inactive', parent: 'Parent unit',
    codeInvalid: 'The code must be 12 digits', codeParentMismatch: 'The code must start with the parent\'s code (6 digits shared under a district, 9 under a town)',
    nameTooLong: 'At most 60 characters', hotlineInvalid: 'A hotline is 3–20 digits or dashes', searchPlaceholder: 'Filter by name or code',
    confirmDeactivate: 'Deactivate "{name}"? It will no longer be offered for new records.', confirmActivate: 'Activate "{name}" again?'
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
    seq: 'Seq', at: 'Time', actor: 'Actor', role: 'Role', action: 'Action', object: 'Object', person: 'Person ID',
    reason: 'Reason', requestId: 'Request ID', from: 'From', to: 'To', rangeTo: 'to', verify: 'Verify chain',
    verifyOk: 'Chain intact: {n} rows', verifyBroken: 'Chain broken at row {seq}: {reason}',
    actionPlaceholder: 'Action, e.g. person.read', usernamePlaceholder: 'Actor username',
    grantUser: 'User', grantUnit: 'User unit', expiresAt: 'Expires'
  },
  roles: {
    district_admin: 'District administrator', station_staff: 'Station staff', community_counsellor: 'Community counsellor',
    psych_prevention: 'Psychiatric prevention staff', hotline_operator: 'Hotline operator', crisis_team: 'Crisis team member',
    partner_department: 'Partner department'
  }
}
