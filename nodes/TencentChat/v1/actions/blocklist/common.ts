import { otherField, ownerField } from '../../helpers/sns';

/**
 * Fields shared by the blocklist operations (sns/black_list_*): tencentcloud.com/document/product/1047/34911–34914;
 * dobyte/tencent-im sns/types.go (addBlacklistReq …, "≤ 1,000 To_Account per call"); doocs BlackList*Request.java.
 */
export const MAX_BLOCKLIST_PER_CALL = 1000;

export const owner = ownerField('The user whose blocklist this is (From_Account). Items of one user are combined into calls.');
export const blocked = otherField('Blocked User ID', 'The user to block or unblock (To_Account), one per input item');
