// 简体中文（默认）
export default {
  app: { name: '心安', title: '社会心理服务平台', language: '语言', logout: '退出登录', unit: '所属机构' },
  menu: { alerts: '预警处置', home: '首页', people: '居民档案', org: '组织机构', users: '用户管理', audit: '审计日志', breakGlass: '紧急调阅记录' },
  common: {
    search: '搜索', reset: '重置', create: '新建', edit: '编辑', delete: '删除', save: '保存', cancel: '取消',
    confirm: '确认', actions: '操作', detail: '详情', back: '返回', yes: '是', no: '否', all: '全部',
    total: '共 {n} 条', saved: '已保存', deleted: '已删除', confirmDelete: '确定删除“{name}”吗？此操作不可撤销。',
    confirmTitle: '请确认', loading: '加载中…', empty: '暂无数据', required: '此项必填',
    conflict: '该记录已被他人修改，请关闭后重新打开再编辑'
  },
  login: {
    title: '登录', username: '用户名', password: '密码', submit: '登录',
    usernameRequired: '请输入用户名', passwordRequired: '请输入密码'
  },
  password: { title: '修改密码', old: '当前密码', new: '新密码', repeat: '确认新密码', mismatch: '两次输入的密码不一致', changed: '密码已修改，请重新登录' },
  home: { welcome: '欢迎，{name}', roles: '角色', unit: '所属机构', hint: '从左侧菜单进入各项工作。' },
  people: {
    name: '姓名', gender: '性别', birthDate: '出生日期', idNumber: '身份证号', phone: '手机号', address: '住址',
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
    crisisTitle: '请立即寻求帮助', crisisLine: '24 小时心理援助热线：12356'
  },
  alerts: {
    levelLabel: '级别', level: { red: '红色', orange: '橙色', yellow: '黄色' },
    statusLabel: '状态', status: { new: '待响应', acknowledged: '已响应', in_progress: '处置中', closed: '已关闭' },
    outcomeLabel: '处置结果',
    outcome: { contacted_safe: '已联系，安全', referred: '已转介', case_opened: '已建档干预', unreachable: '无法联系', false_positive: '误报' },
    scale: '量表', deadline: '响应时限', createdAt: '预警时间', overdue: '已超时', open: '未关闭',
    acknowledge: '响应', close: '关闭', note: '处置说明（可选）', refresh: '刷新'
  },
  gender: { male: '男', female: '女' },
  org: {
    code: '区划代码', name: '名称', level: '层级', hotline: '心理援助热线', active: '启用', createChild: '新增下级',
    createTitle: '新增{level}', editTitle: '编辑机构', deactivate: '停用', activate: '启用', inactive: '已停用', parent: '上级机构',
    codeInvalid: '区划代码应为 12 位数字', codeParentMismatch: '区划代码须以上级机构代码开头（镇级共享前 6 位，村级共享前 9 位）',
    nameTooLong: '名称不能超过 60 个字', hotlineInvalid: '热线号码为 3–20 位数字或“-”', searchPlaceholder: '按名称或区划代码筛选',
    confirmDeactivate: '确定停用“{name}”吗？停用后该机构不再出现在新建选择中。', confirmActivate: '确定重新启用“{name}”吗？'
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
    seq: '序号', at: '时间', actor: '操作人', role: '角色', action: '操作', object: '对象', person: '居民 ID',
    reason: '原因', requestId: '请求 ID', from: '开始日期', to: '结束日期', rangeTo: '至', verify: '校验审计链',
    verifyOk: '审计链完整：共 {n} 条记录', verifyBroken: '审计链在第 {seq} 条断开：{reason}',
    actionPlaceholder: '操作，如 person.read', usernamePlaceholder: '操作人用户名',
    grantUser: '调阅人', grantUnit: '调阅人机构', expiresAt: '到期时间'
  },
  roles: {
    district_admin: '区级管理员', station_staff: '心理服务站工作人员', community_counsellor: '社区心理咨询员',
    psych_prevention: '精防人员', hotline_operator: '热线接线员', crisis_team: '危机干预队员', partner_department: '协作部门'
  }
}
