import type { Client } from 'pg';

export function createTemplate(distDir: string): Promise<void>;
export function dropTemplate(): Promise<void>;
export function copyTemplate(name: string, filename: string): Promise<boolean>;
export function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T>;
export function databaseUrl(name: string): string;
export function isPostgres(): boolean;
