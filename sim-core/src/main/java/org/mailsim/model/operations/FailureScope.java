package org.mailsim.model.operations;

/**
 * How much was destroyed with the failed storage, which decides which backup copies survive: {@link #ARRAY} when
 * arrays died but the machine room did not (backups on separate backup storage survive; snapshots kept on the
 * failed array do not), {@link #SITE} when the whole site went (fire, flood, a botched data-centre move): only
 * off-site copies survive.
 */
public enum FailureScope { ARRAY, SITE }
