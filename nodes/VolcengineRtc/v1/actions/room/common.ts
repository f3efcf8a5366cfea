import type { INodeProperties } from 'n8n-workflow';

/** Fields of the room operations (volcengine-rtc.md §5). */

export const roomIdField: INodeProperties = {
	displayName: 'Room ID',
	name: 'roomId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'room-1',
	description: 'RTC room (RoomId): up to 128 characters of letters, digits and @._-',
};

export const toField: INodeProperties = {
	displayName: 'Receiver User ID',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'user-1',
	description: 'RTC user ID of the receiver (To): up to 128 characters of letters, digits and @._-',
};
