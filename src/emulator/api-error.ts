/** An answer the emulated Bot API gives instead of a result, as Telegram words and numbers it. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number },
  ) {
    super(description);
  }
}

export const badRequest = (reason: string) => new ApiError(400, `Bad Request: ${reason}`);

export interface ApiResponse {
  ok: boolean;
  result?: any;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

/** With `chatId`, only calls to that chat take the fault: one chat's trouble, while the others are served. */
export type Fault = ({ status: 400 | 403 | 429 | 500 | 502; description?: string; retryAfter?: number } | { drop: true }) & { chatId?: number };

export function faultError(fault: Exclude<Fault, { drop: true }>): ApiError {
  if (fault.status === 429) {
    const retryAfter = fault.retryAfter ?? 1;
    return new ApiError(429, fault.description ?? `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
  }
  const defaults = { 400: "Bad Request: injected fault", 403: "Forbidden: bot was blocked by the user", 500: "Internal Server Error", 502: "Bad Gateway" };
  return new ApiError(fault.status, fault.description ?? defaults[fault.status]);
}

export function errorResponse(error: ApiError): ApiResponse {
  return {
    ok: false,
    error_code: error.code,
    description: error.description,
    ...(error.parameters ? { parameters: error.parameters } : {}),
  };
}
