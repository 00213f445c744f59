// The configured sales process (stages, loss reasons), read once per session, and the labels the sales
// pages show for its codes: the catalog's translation when there is one, else the configured name.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api, call } from '../api/client'
import type { SalesProcess } from '../opportunities'

const process = ref<SalesProcess | null>(null)
let pending: Promise<SalesProcess> | null = null

export function useSales() {
  const { t, te } = useI18n()

  async function loadProcess(): Promise<SalesProcess> {
    if (process.value) return process.value
    pending ??= call(api.GET('/api/v1/opportunities/process')).finally(() => {
      pending = null
    })
    process.value = await pending
    return process.value
  }

  const stageLabel = (code: string) =>
    te(`stage.${code}`) ? t(`stage.${code}`) : process.value?.stages.find((s) => s.code === code)?.name ?? code
  const reasonLabel = (code: string) =>
    te(`opportunity.lossReason.${code}`) ? t(`opportunity.lossReason.${code}`)
      : process.value?.loss_reasons.find((r) => r.code === code)?.name ?? code

  return { process, loadProcess, stageLabel, reasonLabel }
}
