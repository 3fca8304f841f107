// The user list (search, unit filter, pagination), the form dialog and the password reset,
// which asks for the new password in a confirmation box.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { listUsers, resetPassword } from '@/api/users'
import { usePagedList } from '@/utils/pagedList'
import { passwordProblem } from '../rule'

export function useUserList() {
  const { t } = useI18n()
  const list = usePagedList(listUsers, { q: '', unitId: '' })
  const formOpen = ref(false)
  const editing = ref(null)

  function openForm(u) { editing.value = u; formOpen.value = true }

  async function onResetPassword(u) {
    const answer = await ElMessageBox.prompt(t('users.confirmReset', { name: u.username }), t('users.resetPassword'), {
      type: 'warning', inputType: 'password', inputPlaceholder: t('users.newPassword'),
      confirmButtonText: t('common.confirm'), cancelButtonText: t('common.cancel'),
      inputValidator: (v) => { const k = passwordProblem(u.username, v || ''); return k ? t(k) : true }
    }).catch(() => null)
    if (!answer) return
    try {
      await resetPassword(u.id, answer.value)
      ElMessage.success(t('users.passwordReset'))
    } catch (e) {
      ElMessage.error(e.message)
    }
  }

  return { ...list, formOpen, editing, openForm, onResetPassword }
}
