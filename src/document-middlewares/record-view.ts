import type { Core, UID } from '@strapi/strapi';
import { parseToOneChange } from './relation-input';

type Row = Record<string, unknown> & { id: number; documentId: string };

/**
 * The record as it will be after a create or update: incoming data laid over the stored
 * version, with to-one relations resolved to the related rows. Rules read this, so a partial
 * update is checked against the whole record.
 */
export class RecordView {
  private readonly relationCache = new Map<string, Promise<Row | null>>();

  private constructor(
    private readonly strapi: Core.Strapi,
    readonly uid: UID.ContentType,
    readonly data: Record<string, unknown>,
    readonly existing: Row | null,
  ) {}

  static async load(strapi: Core.Strapi, uid: UID.ContentType, action: string, params: Record<string, unknown>) {
    const data = (params.data ?? {}) as Record<string, unknown>;
    let existing: Row | null = null;
    if (action === 'update' && typeof params.documentId === 'string') {
      const hasDraftAndPublish = Boolean(strapi.contentTypes[uid].options?.draftAndPublish);
      existing = (await strapi.documents(uid).findOne({
        documentId: params.documentId,
        ...(hasDraftAndPublish ? { status: 'draft' as const } : {}),
      })) as Row | null;
    }
    return new RecordView(strapi, uid, data, existing);
  }

  get isCreate() {
    return this.existing === null;
  }

  get id(): number | undefined {
    return this.existing?.id;
  }

  /** The value a scalar field will have after the write. */
  value<T = unknown>(field: string): T | undefined {
    if (field in this.data && this.data[field] !== undefined) return this.data[field] as T;
    return (this.existing?.[field] ?? undefined) as T | undefined;
  }

  /** The row a to-one relation will point at after the write, or null. */
  relation(field: string): Promise<Row | null> {
    let pending = this.relationCache.get(field);
    if (!pending) {
      pending = this.resolveRelation(field);
      this.relationCache.set(field, pending);
    }
    return pending;
  }

  /** Whether the write names a to-one relation target that does not exist. */
  async isDanglingRelation(field: string): Promise<boolean> {
    const change = parseToOneChange(this.data[field]);
    return change.kind === 'set' && (await this.relation(field)) === null;
  }

  private targetOf(field: string): UID.ContentType {
    const attributes = this.strapi.contentTypes[this.uid].attributes as Record<string, { target?: UID.ContentType }>;
    const attribute = attributes[field];
    if (!attribute?.target) throw new Error(`${this.uid}.${field} is not a relation`);
    return attribute.target;
  }

  private async resolveRelation(field: string): Promise<Row | null> {
    const target = this.targetOf(field);
    const change = parseToOneChange(this.data[field]);
    if (change.kind === 'clear') return null;
    if (change.kind === 'set') {
      const where = 'id' in change.ref ? { id: change.ref.id } : { documentId: change.ref.documentId };
      return (await this.strapi.db.query(target).findOne({ where })) as Row | null;
    }
    if (!this.existing) return null;
    const stored = (await this.strapi.db
      .query(this.uid)
      .findOne({ where: { id: this.existing.id }, populate: { [field]: true } })) as Row | null;
    return (stored?.[field] as Row | null | undefined) ?? null;
  }
}
