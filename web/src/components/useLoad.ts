// One page-data pattern: a loading flag and the failure shown by ErrorNotice.
import { ref } from 'vue'

export function useLoad() {
  const loading = ref(false)
  const error = ref<unknown>(null)

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    loading.value = true
    error.value = null
    try {
      return await work()
    } catch (e) {
      error.value = e
      return undefined
    } finally {
      loading.value = false
    }
  }

  return { loading, error, run }
}
