/** Event contract building blocks shared by every events module: catalogue, type strings, actor. */
package org.investflow.platform.events;
