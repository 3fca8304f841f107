// 简体中文（默认）
export default {
  app: { name: '心安', title: '社会心理服务平台', language: '语言', logout: '退出登录', unit: '所属机构', menu: '菜单' },
  menu: { results: '测评结果', campaigns: '筛查活动', rules: '预警规则', alerts: '预警处置', home: '首页', people: '居民档案', org: '组织机构', users: '用户管理', audit: '审计日志', breakGlass: '紧急调阅记录' },
  common: {
    colon: '：',
    pageNotFound: '页面不存在', backHome: '返回首页',
    networkError: '网络连接失败，请检查网络后重试', serverUnavailable: '服务器暂时无法正常响应（{status}），请稍后重试',
    listSeparator: '、',
    search: '搜索', reset: '重置', create: '新建', edit: '编辑', delete: '删除', save: '保存', cancel: '取消',
    confirm: '确认', actions: '操作', detail: '详情', back: '返回', yes: '是', no: '否', all: '全部',
    total: '共 {n} 条', saved: '已保存', deleted: '已删除', confirmDelete: '确定删除“{name}”吗？此操作不可撤销。',
    confirmTitle: '请确认', loading: '加载中…', empty: '暂无数据', required: '此项必填', sentenceSeparator: '；',
    noPermission: '您的角色无权访问该页面',
    conflict: '该记录已被他人修改，请关闭后重新打开再编辑'
  },
  login: {
    title: '登录', username: '用户名', password: '密码', submit: '登录',
    usernameRequired: '请输入用户名', passwordRequired: '请输入密码'
  },
  password: { title: '修改密码', old: '当前密码', new: '新密码', repeat: '确认新密码', mismatch: '两次输入的密码不一致', unchanged: '新密码不能与当前密码相同', changed: '密码已修改，请重新登录' },
  home: {
    welcome: '欢迎，{name}', roles: '角色', unit: '所属机构', hint: '从左侧菜单进入各项工作。', unitLink: '本单位心理自评链接',
    hintNoRecords: '您的角色不能查看居民档案和预警；如需开通，请联系区级管理员。',
    openAlerts: '待处置预警', toInbox: '进入预警处置', overdue: '{n} 条已超时未响应', unread: '未读通知 {n} 条',
    noAlerts: '暂无未关闭的预警', due: '{at} 前响应', openCampaigns: '进行中的筛查活动', toCampaigns: '全部活动',
    noCampaigns: '今天没有进行中的筛查活动', more: '另有 {n} 项，见全部活动'
  },
  people: {
    name: '姓名', gender: '性别', birthDate: '出生日期', birthYear: '出生年份', idNumber: '身份证号', phone: '手机号', address: '住址',
    unit: '所属村/社区', tags: '人群标签', createdAt: '登记时间', updatedAt: '更新时间', namePlaceholder: '按姓名搜索',
    idPlaceholder: '按身份证号精确查找', tagPlaceholder: '人群标签', unitPlaceholder: '机构范围',
    createTitle: '登记居民', editTitle: '编辑居民信息', detailTitle: '居民档案',
    auditedNotice: '查看完整档案已记入审计日志。', viaBreakGlass: '本次为紧急调阅（24 小时内有效，已审计）',
    breakGlass: '紧急调阅', breakGlassTitle: '紧急调阅辖区外档案', breakGlassReason: '调阅原因',
    breakGlassHint: '仅在紧急情况下使用：需填写原因（至少 10 个字），访问 24 小时内有效，并向区级管理员报告。',
    reasonTooShort: '请填写调阅原因（至少 10 个字）',
    idInvalid: '身份证号无效（18 位，校验位需正确）', phoneInvalid: '请输入 11 位大陆手机号',
    nameTooLong: '姓名不能超过 50 个字', addressTooLong: '住址不能超过 200 个字', birthDateInvalid: '出生日期无效',
    birthDateMismatch: '出生日期与身份证号不符', genderMismatch: '性别与身份证号不符'
  },
  self: {
    title: '心理自评', consent: '本测评用于了解您近期的心理状况，结果仅用于为您提供帮助，个人信息将依法保密。您可以随时停止作答。',
    agree: '我已阅读并同意上述知情同意内容', start: '开始测评', submit: '提交', yourResult: '您的结果',
    help: '如需帮助，可前往所在村（社区）心理咨询室，或拨打 24 小时心理援助热线。',
    crisisTitle: '请立即寻求帮助', crisisLine: '24 小时心理援助热线：12356',
    howTitle: '作答方式', anonymous: '匿名作答（不留姓名）', identified: '实名作答（便于工作人员联系您）',
    idNumberOptional: '身份证号（选填）', progress: '已答 {done} / {total} 题',
    positiveText: '您近期可能承受着较大的心理压力，建议尽快与心理咨询室的工作人员聊一聊，他们会为您保密并提供帮助。',
    negativeText: '您近期的状态总体良好。如果今后感到困扰，随时可以寻求帮助。',
    mildText: '您近期可能有一些轻度的困扰。建议保持规律作息、适度运动，多和家人朋友聊聊；如果困扰持续两周以上或有所加重，可以到所在村（社区）心理咨询室找工作人员聊一聊，或拨打下方的热线。',
    thanksTitle: '感谢您的参与！', thanksText: '您的作答已提交。本次测评的结果由工作人员统一查看，如有需要会与您联系。',
    helpTitle: '在哪里获得帮助', unitRoom: '{unit}的心理服务工作人员欢迎您前来面谈。', unitHotline: '本地心理服务热线：',
    aidLine: '24 小时心理援助热线：', endedTitle: '本次测评已结束', endedText: '“{name}”已不在开放时间内，感谢您的关注。',
    linkInvalid: '该测评链接无效，请向发放链接的单位确认。', networkError: '网络连接失败，请检查网络后再提交，您的作答仍保留在本页。',
    scaleNotInCampaign: '该链接中的量表不属于“{name}”，请向发放链接的单位确认。', campaignScales: '本次活动的测评：'
  },
  alerts: {
    identified: '实名自评（未登记居民）', origin: '来源单位',
    levelLabel: '级别', level: { red: '红色', orange: '橙色', yellow: '黄色' },
    statusLabel: '状态', status: { new: '待响应', acknowledged: '已响应', in_progress: '处置中', closed: '已关闭' },
    outcomeLabel: '处置结果',
    outcome: { contacted_safe: '已联系，安全', referred: '已转介', case_opened: '已建档干预', unreachable: '无法联系', false_positive: '误报' },
    scale: '量表', deadline: '响应时限', createdAt: '预警时间', overdue: '已超时', open: '未关闭',
    acknowledge: '响应', close: '关闭', note: '处置说明（可选）', refresh: '刷新',
    start: '开始处置', detailTitle: '预警详情', timeline: '处置记录', resident: '居民', openResident: '查看档案', showContact: '查看联系方式',
    anonymous: '匿名自评', escalatedLabel: '逐级上报', escalatedTimes: '已上报 {n} 次',
    action: { raised: '触发预警', acknowledged: '响应', started: '开始处置', closed: '关闭', escalated: '超时上报上级', transferred: '随居民迁移转交' },
    systemActor: { 'self-assessment': '居民自评', escalation: '系统（超时上报）', other: '系统' },
    noteSeparator: '：'
  },
  assess: {
    recordTitle: '心理档案', pickScale: '选择量表开始测评', submit: '提交并评分', total: '总分', band: '结果分级',
    positive: '阳性', critical: '危机条目阳性', alertRaised: '已触发预警，已推送至预警处置', openAlert: '查看预警',
    noAlert: '未触发预警', report: '测评报告', again: '再测一次', history: '历次测评', noHistory: '暂无测评记录',
    discardText: '已作答 {n} 题，切换或取消量表将清空这些答案，确定吗？', discard: '清空答案', keepAnswering: '继续作答',
    takenAt: '测评时间', scale: '量表', keyboardHint: '键盘作答：数字键选择答案并跳到下一题，←/→ 切换答案，↑/↓ 或回车切换题目。'
  },
  report: {
    title: '心理测评报告', print: '打印', source: '测评方式', sources: { counsellor: '工作人员施测', self: '自评' }, number: '报告编号', recordId: '记录标识',
    scaleSection: '量表简介', instructions: '指导语', scoreSection: '测评得分', raw: '原始分', factor: '因子', factorScore: '因子分',
    interpretation: '结果解释', interpretBand: '本次测评结果为“{band}”。',
    positiveText: '结果提示存在需要关注的心理困扰，建议由专业人员进一步评估。', negativeText: '结果未提示明显的心理困扰。',
    criticalText: '危机条目作答阳性：请立即评估自伤/自杀风险，必要时启动危机干预。',
    guidance: '建议与求助途径', guideCrisis: '立即进行面对面风险评估，确保当事人安全；情况紧急时拨打 110 / 120。',
    guidePositive: '建议在一周内到村（社区）心理咨询室或心理服务站面谈，必要时转介精神专科门诊。',
    guideNegative: '保持规律作息与适度运动，与家人朋友保持联系；如有困扰可随时求助。',
    guideHotline: '24 小时心理援助热线：12356。', answers: '作答明细', item: '题目', answer: '选择', value: '分值',
    disclaimer: '本报告仅供心理筛查参考，不能作为临床诊断依据。'
  },
  results: { anyScale: '全部量表', anySource: '全部方式', concerningOnly: '只看需关注（阳性或危机条目）', identifiedOnly: '只看可联系（登记居民或实名）', unit: '单位', critical: '危机条目', alert: '预警', who: '作答者', campaign: '筛查活动' },
  rules: {
    unwatched: '以下量表没有按分数预警的规则，其结果只在危机条目阳性时预警：{scales}。如需预警，请新建规则。',
    name: '规则名称', scale: '适用量表', anyScale: '任意量表', minTotal: '总分不低于', maxTotal: '总分不高于',
    maxTotalHint: '分数越低越需关注的量表（如 WHO-5）用此项', minRise: '较上次升高不少于',
    minRiseHint: '与同一量表上次结果相比', requiresCritical: '危机条目阳性', requiredTags: '人群标签', anyTag: '任意人群（不限）',
    conditionsHint: '至少设置一个条件：总分下限或上限、升高值、危机条目或人群标签；多个条件须同时满足。', conditionsLabel: '条件',
    active: '启用', createTitle: '新建预警规则', editTitle: '编辑预警规则', searchPlaceholder: '按规则名称搜索',
    descMinTotal: '总分 ≥ {n}', descMaxTotal: '总分 ≤ {n}', descMinRise: '较上次升高 ≥ {n}', descCritical: '危机条目阳性', descSeparator: '；',
    levelInvalid: '请选择预警级别', scaleUnknown: '未知的量表', numberInvalid: '请输入数字', risePositive: '升高值应大于 0', bandEmpty: '总分上限不能低于总分下限', belowLowest: '低于该量表的最低总分，此规则永远不会触发',
    noCondition: '规则至少需要一个条件'
  },
  notify: {
    title: '通知', readAll: '全部已读', empty: '暂无通知',
    kind: { alert_raised: '新预警', alert_escalated: '预警超时上报', alert_transferred: '居民迁入转来预警' }
  },
  campaigns: {
    unitFixed: '活动创建后组织单位不可更改', targetGroupTooLong: '目标人群不能超过 200 个字', consentTooLong: '知情同意书不能超过 2000 个字', respondents: '作答人数（含名单外）',
    name: '活动名称', unit: '组织单位', targetGroup: '目标人群', targetGroupPlaceholder: '如：某中学初二年级、某工厂、某村',
    scales: '测评量表', dates: '起止日期', startsOn: '开始日期', endsOn: '结束日期', consentText: '知情同意书',
    showResult: '向作答者显示结果', showResultOn: '作答者可看到自己的结果', showResultOff: '作答者只看到致谢与求助信息（学校普查常用）',
    targetSize: '计划人数', targetSizeHint: '导入名单后，覆盖率按名单人数计算', createTitle: '新建筛查活动', editTitle: '编辑筛查活动',
    detailTitle: '筛查活动', searchPlaceholder: '按活动名称搜索', state: '状态', open: '进行中', closed: '已结束',
    completedOfTarget: '完成/目标', coverage: '覆盖率', positiveRate: '阳性率', rosterSize: '名单人数', completed: '已完成', completedInRoster: '名单内已完成',
    positive: '阳性人数', byUnit: '各单位完成情况', link: '自评链接与二维码', copy: '复制', copied: '链接已复制',
    qrAlt: '自评二维码', poster: '打印 A4 海报', openLink: '打开链接', export: '导出 Excel', roster: '目标名单',
    rosterImport: '导入名单（Excel / CSV）', rosterHint: '表头：姓名、手机号、单位代码、分组（可选）；导入将替换现有名单，有错误时整份不导入。', rosterReplaceConfirm: '现有名单共 {n} 人，导入后将替换为本文件的 {m} 行，是否继续？',
    rosterImported: '已导入 {n} 人', rosterRejected: '名单有 {n} 处错误，未导入任何记录，请修改后重新导入。',
    rosterHeaderMissing: '表头缺少：{columns}', rosterEmpty: '文件中没有名单数据',
    rosterRow: '行号', rosterColumn: '列', rosterProblem: '问题', rosterEmptyList: '尚未导入名单', group: '分组',
    columns: { name: '姓名', phone: '手机号', unitCode: '单位代码', group: '分组', file: '文件' },
    nameTooLong: '名称不能超过 200 个字', datesInvalid: '请选择起止日期', endsBeforeStart: '结束日期不能早于开始日期',
    targetSizeInvalid: '计划人数应为 0 或正整数',
    coverageByRoster: '覆盖率 = 名单内已完成人数 ÷ 名单人数；名单外的作答者不计入覆盖率。',
    coverageByPlan: '尚未导入名单：覆盖率 = 已完成人数 ÷ 计划人数。', exportFileName: '{name}-答卷.xlsx'
  },
  poster: {
    title: '自评海报', headline: '心理健康自评', invitation: '关注心理健康，从了解自己开始。扫描下方二维码，用几分钟完成一份简短的心理自评，结果即时可见，并告诉您在哪里可以获得帮助。',
    invitationFollowUp: '关注心理健康，从了解自己开始。扫描下方二维码，用几分钟完成一份简短的心理自评。结果不在手机上显示，由专业人员统一查看，如有需要会与您联系；作答后页面会告诉您在哪里可以获得帮助。',
    scan: '微信 / 手机相机扫码参与', unitHotline: '心理服务热线', aidLine: '24 小时心理援助热线 12356',
    privacy: '可匿名参与；您的个人信息将依法保密，仅用于为您提供帮助。'
  },
  gender: { male: '男', female: '女' },
  org: {
    code: '区划代码', name: '名称', level: '层级', hotline: '心理援助热线', active: '启用', createChild: '新增下级',
    createTitle: '新增{level}', editTitle: '编辑机构', deactivate: '停用', activate: '启用', inactive: '已停用', parent: '上级机构',
    codeInvalid: '区划代码应为 12 位数字', codeParentMismatch: '区划代码须以上级机构代码开头（镇级共享前 6 位，村级共享前 9 位）',
    nameTooLong: '名称不能超过 60 个字', hotlineInvalid: '热线号码为 3–20 位数字或“-”', searchPlaceholder: '按名称或区划代码筛选',
    confirmDeactivate: '确定停用“{name}”吗？停用后该机构不再出现在新建选择中。', confirmActivate: '确定重新启用“{name}”吗？',
    importButton: '从 CSV 导入', importTitle: '从 CSV 文件导入机构', importChoose: '选择 CSV 文件', importTemplate: '下载模板',
    importHint: '表头：code,name,level,parent_code,hotline（区划代码、名称、层级、上级区划代码、热线，热线可不填）。\n层级可写 town/village 或 镇、街道、乡、村、社区；上级可以是已有机构或文件中靠前的行。全部无误才导入，有错则一条也不导入。',
    importChosen: '已选择 {name}，共 {n} 行', importSubmit: '导入', imported: '已导入 {n} 个机构', importRejected: '有 {n} 处错误，未导入任何机构，请修改文件后重新选择',
    parentCode: '上级区划代码', importFile: '文件'
  },
  levels: { district: '区', town: '镇/街道', village: '村/社区' },
  users: {
    username: '用户名', displayName: '姓名', unit: '所属机构', roles: '角色', active: '状态', locked: '已锁定',
    enabled: '启用', disabled: '停用', password: '初始密码', createTitle: '新建用户', editTitle: '编辑用户',
    resetPassword: '重置密码', newPassword: '新密码', confirmReset: '确定重置“{name}”的密码吗？其所有登录会话将失效。',
    passwordRule: '密码至少 10 个字符，且不能包含用户名', searchPlaceholder: '用户名或姓名',
    passwordTooShort: '密码至少 10 个字符', passwordTooLong: '密码不能超过 128 个字符', passwordContainsUsername: '密码不能包含用户名',
    passwordReset: '密码已重置'
  },
  audit: {
    resident: '居民',
    seq: '序号', at: '时间', actor: '操作人', role: '角色', action: '操作', object: '对象', person: '居民 ID',
    reason: '原因', requestId: '请求 ID', from: '开始日期', to: '结束日期', rangeTo: '至', verify: '校验审计链',
    verifyOk: '审计链完整：共 {n} 条记录', verifyHead: '链头 {head}。请在系统之外另行留存（如纸质或离线记录），日后用 xinan verify-audit --head 核对，可发现删除最新记录或整链重写。', verifyBroken: '审计链在第 {seq} 条断开：{reason}',
    actionPlaceholder: '操作（可选或输入代码）', usernamePlaceholder: '操作人用户名',
    objectTypes: { person: '居民', user: '用户', session: '登录会话', org_unit: '机构', campaign: '筛查活动', alert: '预警', assessment: '测评', warning_rule: '预警规则' },
    actions: { auth_login: '登录', auth_login_failed: '登录失败', auth_logout: '退出登录', user_create: '新建用户', user_update: '修改用户', user_password_change: '修改本人密码', user_password_reset: '重置用户密码', org_unit_create: '新建机构', org_unit_update: '修改机构', org_unit_delete: '删除机构', person_create: '新建居民档案', person_read: '查看居民档案', person_update: '修改居民档案', person_break_glass: '紧急调阅', person_duplicate_refused: '登记被拒：身份证号已登记', assessment_create: '提交测评', assessment_read: '查看测评报告', assessment_history: '查看心理档案', assessment_respondent_read: '查看测评作答者联系方式', alert_raise: '触发预警', alert_acknowledged: '响应预警', alert_started: '开始处置预警', alert_closed: '关闭预警', alert_escalate: '预警超时上报', alert_read: '查看预警详情', alert_transfer: '预警随居民迁移转交', alert_respondent_read: '查看自评者联系方式', warning_rule_create: '新建预警规则', warning_rule_update: '修改预警规则', warning_rule_delete: '删除预警规则', campaign_create: '新建筛查活动', campaign_update: '修改筛查活动', campaign_delete: '删除筛查活动', campaign_roster_import: '导入目标名单', campaign_export: '导出测评数据' },
    reasons: { accountLocked: '账号已锁定', wrongPassword: '密码错误', wrongOldPassword: '修改密码时原密码错误', inactiveUser: '账号已停用', unknownUsername: '用户名不存在', breakGlass: '紧急调阅' },
    grantUser: '调阅人', grantUnit: '调阅人机构', expiresAt: '到期时间', grantActive: '有效中', trail: '访问记录'
  },
  roles: {
    district_admin: '区级管理员', station_staff: '心理服务站工作人员', community_counsellor: '社区心理咨询员',
    psych_prevention: '精防人员', hotline_operator: '热线接线员', crisis_team: '危机干预队员', partner_department: '协作部门',
    system: '系统'
  }
}
