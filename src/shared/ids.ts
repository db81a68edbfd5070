import { z } from 'zod';

/**
 * Record ids are PostgreSQL `integer` / `serial` columns: 1 … 2,147,483,647. A larger number in a path, query or body
 * would reach the database and fail there (a 500), so it is refused as input with a message saying what is allowed.
 */
export const MAX_DB_ID = 2_147_483_647;
const message = '编号无效：应为 1 至 2147483647 之间的整数';

/** An id in a JSON body. */
export const DbId = z.number().int(message).positive(message).max(MAX_DB_ID, message);
/** An id in a path or query string (text, converted). */
export const DbIdParam = z.coerce.number().int(message).positive(message).max(MAX_DB_ID, message);
