const { src, dest, parallel } = require('gulp');

// Copies node and credential icons next to the compiled JavaScript.
// encoding: false keeps binary files (PNG) byte-exact.
function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

// The operations' output schemas (npm run schemas), where n8n looks for them: next to each node.
function copySchemas() {
	return src(['nodes/**/__schema__/**/*.json'], { base: '.' }).pipe(dest('dist'));
}

exports['build:icons'] = parallel(buildIcons, copySchemas);
