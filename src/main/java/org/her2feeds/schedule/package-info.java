/** The persistent Quartz schedule: one job and one trigger per active source, kept in line with the sources file. */
package org.her2feeds.schedule;
