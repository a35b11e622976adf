/** What operators use: the sources API, the admin API and its security, health indicators and metrics. */
package org.her2feeds.ops;
