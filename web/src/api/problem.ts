// The one shape of a failed call: an RFC 9457 problem+json turned into something a page can show.
export interface FieldError {
  field: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fields: FieldError[] = [],
    readonly body: unknown = undefined,
  ) {
    super(detail || `HTTP ${status}`)
  }

  /** The message for one field, shown beside it. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field || f.field.endsWith(`.${field}`))?.message
  }
}

/** Statuses with a message of their own (i18n key errors.<status>); others read errors.generic. */
export const KNOWN_STATUSES = [0, 401, 403, 404, 409, 412, 422, 429, 503] as const

export function messageKey(error: ApiError): string {
  return (KNOWN_STATUSES as readonly number[]).includes(error.status) ? `errors.${error.status}` : 'errors.generic'
}

export async function toApiError(response: Response): Promise<ApiError> {
  let body: any = undefined
  try {
    body = await response.clone().json()
  } catch {
    body = undefined
  }
  const fields: FieldError[] = Array.isArray(body?.errors)
    ? body.errors.map((e: any) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
    : []
  return new ApiError(response.status, String(body?.detail ?? body?.title ?? ''), fields, body)
}
