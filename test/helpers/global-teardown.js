const { dropTemplate } = require('./template-database');

/** Drops the run's template database (global-setup.js). */
module.exports = () => dropTemplate();
