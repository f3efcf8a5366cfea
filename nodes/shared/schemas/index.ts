/**
 * The domain rules of both nodes, one home each: scalars (int64 ids, ranges, text, `idText`,
 * `emptyAs`), lists (`listInput`), key/value collections (`keyValueField`, `keyValuePairs`,
 * `keyValueMap`, prototype keys) and the shared field builders (`collection`).
 */
export * from './scalars';
export * from './lists';
export * from './keyValue';
export * from './fields';
