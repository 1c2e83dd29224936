import { toGlobalId } from '../../schema/global-id';
import { errorCode, type GraphQLResponse, type TestServer } from '../support/server';

/** A signed-in caller of the API: `as(user).ok(query, vars)` expects no error; `.call` returns the raw answer. */
export function caller(server: TestServer) {
  const tokens = new Map<string, string>();
  const token = async (userId: string) => {
    let t = tokens.get(userId);
    if (!t) { t = await server.token(userId); tokens.set(userId, t); }
    return t;
  };
  return (user: { id: string }) => ({
    call: async (query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> => server.gql(query, variables, await token(user.id)),
    ok: async (query: string, variables: Record<string, unknown> = {}): Promise<any> => {
      const r = await server.gql(query, variables, await token(user.id));
      if (r.errors) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
      return Object.values(r.data!)[0];
    },
    code: async (query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> =>
      errorCode(await server.gql(query, variables, await token(user.id))),
  });
}

export const uid = (user: { id: string }) => toGlobalId('User', user.id);
export const sid = (student: { id: string }) => toGlobalId('Student', student.id);

export const START = `mutation($i: StartConversationInput!) { startConversation(input: $i) { id subject unreadCount messageCount
  participants { user { id } name } messages { totalCount edges { node { id number body } } } } }`;
export const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { id number body authorName } }`;
export const EDIT = `mutation($i: EditMessageInput!) { editMessage(input: $i) { id body edited revision versions { revision body } } }`;
export const MARK_READ = `mutation($i: MarkConversationReadInput!) { markConversationRead(input: $i) { id unreadCount } }`;
export const CONVERSATIONS = `query($first: Int, $after: String) { conversations(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id subject unreadCount student { id } } } } }`;
export const CONVERSATION = `query($id: ID!, $first: Int, $after: String) { conversation(id: $id) { id subject unreadCount
  messages(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id number body edited readBy { user { id } } versions { revision body } } } } } }`;
export const RECIPIENTS = `query($studentId: ID) { messageRecipients(studentId: $studentId) { user { id } name side ties } }`;
export const SEARCH = `query($q: String!) { searchMessages(query: $q) { totalCount edges { node { id body conversation { id } } } } }`;
