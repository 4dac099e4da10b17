import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';
import { writeContext } from './dist';
import type { Actor } from '../../src/domain/roles';
import { REST_PATHS, uidOf, type TypeName } from './fixtures';

/** The ways a write can reach the system; each test of a rule goes through all of them. */
export type Door = 'rest' | 'graphql' | 'content-manager' | 'document-service';
export const DOORS: Door[] = ['rest', 'graphql', 'content-manager', 'document-service'];

export interface DoorCredentials {
  apiToken: string;
  adminJwt: string;
}

export interface WriteOutcome {
  ok: boolean;
  status: number;
  errorName?: string;
  /** Field paths named by the error, joined with dots. */
  paths: string[];
  message?: string;
}

const pascal = (type: string) => type.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

const fromRestError = (status: number, body: { error?: { name?: string; message?: string; details?: { errors?: Array<{ path: string[] }> } } }): WriteOutcome => ({
  ok: status >= 200 && status < 300,
  status,
  errorName: body?.error?.name,
  message: body?.error?.message,
  paths: (body?.error?.details?.errors ?? []).map((error) => error.path.join('.')),
});

const typeOfUid = (uid: string) => uid.split('.')[1] as TypeName;
/** The REST collection of a type; types outside the fixtures (system-written ones) by their plural. */
const restPath = (type: TypeName) => (REST_PATHS as Record<string, string>)[type] ?? `${type}s`;

const fromThrown = (error: unknown): WriteOutcome => {
  const e = error as { name?: string; message?: string; details?: { errors?: Array<{ path: string[] }> } };
  return { ok: false, status: e.name === 'ValidationError' ? 400 : 500, errorName: e.name, message: e.message, paths: (e.details?.errors ?? []).map((x) => x.path.join('.')) };
};

const fromGraphql = (response: supertest.Response): WriteOutcome => {
  const error = response.body.errors?.[0];
  if (!error) return { ok: true, status: response.status, paths: [] };
  const details = error.extensions?.error;
  return {
    ok: false,
    status: response.status,
    errorName: details?.name ?? error.extensions?.code,
    message: error.message,
    paths: (details?.details?.errors ?? []).map((e: { path: string[] }) => e.path.join('.')),
  };
};

/** One GraphQL operation with the API token; the outcome as for the other doors. */
const graphqlThrough = async (request: () => supertest.Agent, token: string, query: string, variables: Record<string, unknown>) =>
  fromGraphql(await request().post('/graphql').set('Authorization', `Bearer ${token}`).send({ query, variables }));

export const createThrough = async (
  door: Door,
  type: TypeName,
  data: Record<string, unknown>,
  ctx: { strapi: Core.Strapi; request: () => supertest.Agent; credentials: DoorCredentials },
): Promise<WriteOutcome> => {
  const { strapi, request, credentials } = ctx;
  switch (door) {
    case 'rest': {
      const response = await request().post(`/api/${REST_PATHS[type]}`).set('Authorization', `Bearer ${credentials.apiToken}`).send({ data });
      return fromRestError(response.status, response.body);
    }
    case 'content-manager': {
      const response = await request()
        .post(`/content-manager/collection-types/${uidOf(type)}`)
        .set('Authorization', `Bearer ${credentials.adminJwt}`)
        .send(data);
      return fromRestError(response.status, response.body);
    }
    case 'graphql': {
      const name = pascal(type);
      return graphqlThrough(request, credentials.apiToken, `mutation($data: ${name}Input!) { create${name}(data: $data) { documentId } }`, { data });
    }
    case 'document-service': {
      try {
        await strapi.documents(uidOf(type) as never).create({ data } as never);
        return { ok: true, status: 201, paths: [] };
      } catch (error) {
        return fromThrown(error);
      }
    }
  }
};


/** Updates a document through one door, as the credentials' owner (API token or admin user). */
export const updateThrough = async (
  door: Door,
  uid: string,
  documentId: string,
  data: Record<string, unknown>,
  ctx: { strapi: Core.Strapi; request: () => supertest.Agent; credentials: DoorCredentials; documentServiceActor?: Actor },
): Promise<WriteOutcome> => {
  const { strapi, request, credentials } = ctx;
  const type = typeOfUid(uid);
  switch (door) {
    case 'rest': {
      const response = await request().put(`/api/${restPath(type)}/${documentId}`).set('Authorization', `Bearer ${credentials.apiToken}`).send({ data });
      return fromRestError(response.status, response.body);
    }
    case 'content-manager': {
      const response = await request()
        .put(`/content-manager/collection-types/${uid}/${documentId}`)
        .set('Authorization', `Bearer ${credentials.adminJwt}`)
        .send(data);
      return fromRestError(response.status, response.body);
    }
    case 'graphql': {
      const name = pascal(type);
      return graphqlThrough(request, credentials.apiToken, `mutation($id: ID!, $data: ${name}Input!) { update${name}(documentId: $id, data: $data) { documentId } }`, { id: documentId, data });
    }
    case 'document-service': {
      try {
        await writeContext().withWriteContext(ctx.documentServiceActor ? { actor: ctx.documentServiceActor } : {}, () =>
          strapi.documents(uid as never).update({ documentId, data } as never),
        );
        return { ok: true, status: 200, paths: [] };
      } catch (error) {
        return fromThrown(error);
      }
    }
  }
};

/** Deletes a document through one door. */
export const deleteThrough = async (
  door: Door | 'content-manager-bulk',
  uid: string,
  documentId: string,
  ctx: { strapi: Core.Strapi; request: () => supertest.Agent; credentials: DoorCredentials },
): Promise<WriteOutcome> => {
  const { strapi, request, credentials } = ctx;
  const type = typeOfUid(uid);
  switch (door) {
    case 'rest': {
      const response = await request().delete(`/api/${restPath(type)}/${documentId}`).set('Authorization', `Bearer ${credentials.apiToken}`);
      return fromRestError(response.status, response.body);
    }
    case 'content-manager': {
      const response = await request().delete(`/content-manager/collection-types/${uid}/${documentId}`).set('Authorization', `Bearer ${credentials.adminJwt}`);
      return fromRestError(response.status, response.body);
    }
    case 'content-manager-bulk': {
      const response = await request()
        .post(`/content-manager/collection-types/${uid}/actions/bulkDelete`)
        .set('Authorization', `Bearer ${credentials.adminJwt}`)
        .send({ documentIds: [documentId] });
      return fromRestError(response.status, response.body);
    }
    case 'graphql': {
      const name = pascal(type);
      return graphqlThrough(request, credentials.apiToken, `mutation($id: ID!) { delete${name}(documentId: $id) { documentId } }`, { id: documentId });
    }
    case 'document-service':
      try {
        await strapi.documents(uid as never).delete({ documentId } as never);
        return { ok: true, status: 200, paths: [] };
      } catch (error) {
        return fromThrown(error);
      }
  }
};

/** The ways to copy a document: the Content Manager's clone (form body), its auto-clone, and the Document Service. */
export type CloneDoor = 'content-manager' | 'content-manager-auto' | 'document-service';
export const CLONE_DOORS: CloneDoor[] = ['content-manager', 'content-manager-auto', 'document-service'];

/** Clones a document through one door; `documentId` is the copy's, when one was made. */
export const cloneThrough = async (
  door: CloneDoor,
  uid: string,
  documentId: string,
  body: Record<string, unknown>,
  ctx: { strapi: Core.Strapi; request: () => supertest.Agent; credentials: DoorCredentials },
): Promise<WriteOutcome & { documentId?: string }> => {
  const { strapi, request, credentials } = ctx;
  if (door === 'document-service') {
    try {
      const result = (await strapi.documents(uid as never).clone({ documentId, data: body } as never)) as { documentId?: string };
      return { ok: true, status: 201, paths: [], documentId: result.documentId };
    } catch (error) {
      return fromThrown(error);
    }
  }
  const path = door === 'content-manager' ? 'clone' : 'auto-clone';
  const response = await request().post(`/content-manager/collection-types/${uid}/${path}/${documentId}`).set('Authorization', `Bearer ${credentials.adminJwt}`).send(body);
  return { ...fromRestError(response.status, response.body), documentId: response.body?.data?.documentId };
};

/** The Content Manager's other document actions, as its buttons call them. */
export type ContentManagerAction = 'publish' | 'unpublish' | 'discard' | 'bulkPublish' | 'bulkUnpublish' | 'bulkDelete' | 'countDraftRelations';

export const contentManagerAction = async (
  action: ContentManagerAction,
  uid: string,
  documentIds: string[],
  ctx: { request: () => supertest.Agent; credentials: DoorCredentials },
): Promise<WriteOutcome> => {
  const bulk = action.startsWith('bulk');
  const base = `/content-manager/collection-types/${uid}`;
  const call = ctx.request();
  const authorised = (action === 'countDraftRelations' ? call.get(`${base}/${documentIds[0]}/actions/countDraftRelations`) : call.post(bulk ? `${base}/actions/${action}` : `${base}/${documentIds[0]}/actions/${action}`))
    .set('Authorization', `Bearer ${ctx.credentials.adminJwt}`);
  const response = await (action === 'countDraftRelations' ? authorised : authorised.send(bulk ? { documentIds } : {}));
  return fromRestError(response.status, response.body);
};
