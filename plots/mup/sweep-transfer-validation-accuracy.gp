# Validation accuracy against the learning rate, a curve per width, written by compare-inits.
# Re-render with `gnuplot sweep-transfer-validation-accuracy.gp` in this folder (reads sweep-transfer-validation-accuracy.dat).
reset
set terminal pngcairo size 1440,640 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'sweep-transfer-validation-accuracy.png'
set datafile missing '?'
set grid
set format y '%g'
set xlabel 'log2 learning rate'
set ylabel 'Validation accuracy (%)'
set key outside right top
set offsets graph 0.03, graph 0.03, 0, 0
set yrange [-3.0:103.0]
set key inside bottom center font ',9' samplen 2
set multiplot layout 1,2 title 'Width: does the best learning rate transfer? The standard parametrization against muP:'."\n".'Validation accuracy against the learning rate, a curve per width (mean over 3 seeds, band: 95% interval; circle: the width'."'".'s best rate)'
set title 'Standard parametrization'
plot 'sweep-transfer-validation-accuracy.dat' index 0 using 1:3:4 with filledcurves linecolor 1 fillstyle transparent solid 0.15 notitle, \
     'sweep-transfer-validation-accuracy.dat' index 0 using 1:2 with linespoints linetype 1 pointtype 7 pointsize 0.6 title 'width 64', \
     'sweep-transfer-validation-accuracy.dat' index 1 using 1:3:4 with filledcurves linecolor 2 fillstyle transparent solid 0.15 notitle, \
     'sweep-transfer-validation-accuracy.dat' index 1 using 1:2 with linespoints linetype 2 pointtype 7 pointsize 0.6 title 'width 128', \
     'sweep-transfer-validation-accuracy.dat' index 2 using 1:3:4 with filledcurves linecolor 3 fillstyle transparent solid 0.15 notitle, \
     'sweep-transfer-validation-accuracy.dat' index 2 using 1:2 with linespoints linetype 3 pointtype 7 pointsize 0.6 title 'width 256', \
     'sweep-transfer-validation-accuracy.dat' index 3 using 1:3:4 with filledcurves linecolor 4 fillstyle transparent solid 0.15 notitle, \
     'sweep-transfer-validation-accuracy.dat' index 3 using 1:2 with linespoints linetype 4 pointtype 7 pointsize 0.6 title 'width 512', \
     'sweep-transfer-validation-accuracy.dat' index 4 using 1:3:4 with filledcurves linecolor 5 fillstyle transparent solid 0.15 notitle, \
     'sweep-transfer-validation-accuracy.dat' index 4 using 1:2 with linespoints linetype 5 pointtype 7 pointsize 0.6 title 'width 1024', \
     'sweep-transfer-validation-accuracy.dat' index 5 using 1:3:4 with filledcurves linecolor 6 fillstyle transparent solid 0.15 notitle, \
     'sweep-transfer-validation-accuracy.dat' index 5 using 1:2 with linespoints linetype 6 pointtype 7 pointsize 0.6 title 'width 2048', \
     'sweep-transfer-validation-accuracy.dat' index 6 using 1:2 with points pointtype 6 pointsize 2.5 linecolor rgb '#000000' title 'best rate'
set title 'muP, base width 64'
plot 'sweep-transfer-validation-accuracy.dat' index 7 using 1:3:4 with filledcurves linecolor 1 fillstyle transparent solid 0.15 notitle, \
     'sweep-transfer-validation-accuracy.dat' index 7 using 1:2 with linespoints linetype 1 pointtype 7 pointsize 0.6 title 'width 64', \
     'sweep-transfer-validation-accuracy.dat' index 8 using 1:3:4 with filledcurves linecolor 2 fillstyle transparent solid 0.15 notitle, \
     'sweep-transfer-validation-accuracy.dat' index 8 using 1:2 with linespoints linetype 2 pointtype 7 pointsize 0.6 title 'width 128', \
     'sweep-transfer-validation-accuracy.dat' index 9 using 1:3:4 with filledcurves linecolor 3 fillstyle transparent solid 0.15 notitle, \
     'sweep-transfer-validation-accuracy.dat' index 9 using 1:2 with linespoints linetype 3 pointtype 7 pointsize 0.6 title 'width 256', \
     'sweep-transfer-validation-accuracy.dat' index 10 using 1:3:4 with filledcurves linecolor 4 fillstyle transparent solid 0.15 notitle, \
     'sweep-transfer-validation-accuracy.dat' index 10 using 1:2 with linespoints linetype 4 pointtype 7 pointsize 0.6 title 'width 512', \
     'sweep-transfer-validation-accuracy.dat' index 11 using 1:3:4 with filledcurves linecolor 5 fillstyle transparent solid 0.15 notitle, \
     'sweep-transfer-validation-accuracy.dat' index 11 using 1:2 with linespoints linetype 5 pointtype 7 pointsize 0.6 title 'width 1024', \
     'sweep-transfer-validation-accuracy.dat' index 12 using 1:3:4 with filledcurves linecolor 6 fillstyle transparent solid 0.15 notitle, \
     'sweep-transfer-validation-accuracy.dat' index 12 using 1:2 with linespoints linetype 6 pointtype 7 pointsize 0.6 title 'width 2048', \
     'sweep-transfer-validation-accuracy.dat' index 13 using 1:2 with points pointtype 6 pointsize 2.5 linecolor rgb '#000000' title 'best rate'
unset multiplot
