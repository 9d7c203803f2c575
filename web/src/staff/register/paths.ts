// The register's and the day's receipts' screens under /staff (matched in routes.ts).
export const registerScreenPath = () => '/staff/register';
export const receiptsScreenPath = (day: string, unit?: string) => `/staff/receipts/${encodeURIComponent(day)}${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`;
