export const MAX_SUBJECT: number;
export function problems(message: string): string[];
