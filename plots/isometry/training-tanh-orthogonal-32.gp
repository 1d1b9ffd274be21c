# Update ratio and activation std over training, written by compare-inits.
# Re-render with `gnuplot training-tanh-orthogonal-32.gp` in this folder (reads training-tanh-orthogonal-32.dat).
reset
set terminal pngcairo size 960,640 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'training-tanh-orthogonal-32.png'
set datafile missing '?'
set grid
set format y '%g'
set multiplot title 'tanh orthogonal, 32 layers, seed 1: what training does inside the network'
set origin 0,0
set size 0.56,0.95
set key outside right top vertical spacing 1.1
set title 'Update ratio ||dW|| / ||W|| of 12 of the 33 layers'
set xlabel 'Step (log scale)'
set ylabel 'Update ratio (log scale)'
set logscale xy
plot 'training-tanh-orthogonal-32.dat' index 0 using 1:2 with linespoints linetype 1 pointtype 7 pointsize 0.6 title 'layer 1', \
     'training-tanh-orthogonal-32.dat' index 3 using 1:2 with linespoints linetype 4 pointtype 7 pointsize 0.6 title 'layer 4', \
     'training-tanh-orthogonal-32.dat' index 6 using 1:2 with linespoints linetype 7 pointtype 7 pointsize 0.6 title 'layer 7', \
     'training-tanh-orthogonal-32.dat' index 9 using 1:2 with linespoints linetype 10 pointtype 4 pointsize 1.0 title 'layer 10', \
     'training-tanh-orthogonal-32.dat' index 12 using 1:2 with linespoints linetype 13 pointtype 4 pointsize 1.0 title 'layer 13', \
     'training-tanh-orthogonal-32.dat' index 15 using 1:2 with linespoints linetype 16 pointtype 4 pointsize 1.0 title 'layer 16', \
     'training-tanh-orthogonal-32.dat' index 17 using 1:2 with linespoints linetype 18 pointtype 8 pointsize 1.0 title 'layer 18', \
     'training-tanh-orthogonal-32.dat' index 20 using 1:2 with linespoints linetype 21 pointtype 8 pointsize 1.0 title 'layer 21', \
     'training-tanh-orthogonal-32.dat' index 23 using 1:2 with linespoints linetype 24 pointtype 8 pointsize 1.0 title 'layer 24', \
     'training-tanh-orthogonal-32.dat' index 26 using 1:2 with linespoints linetype 27 pointtype 6 pointsize 1.0 title 'layer 27', \
     'training-tanh-orthogonal-32.dat' index 29 using 1:2 with linespoints linetype 30 pointtype 6 pointsize 1.0 title 'layer 30', \
     'training-tanh-orthogonal-32.dat' index 32 using 1:2 with linespoints linetype 33 pointtype 12 pointsize 1.0 title 'layer 33'
unset logscale
set origin 0.56,0
set size 0.44,0.95
unset key
set title 'Activation std by layer at each recorded step'
set xlabel 'Layer'
set ylabel 'Activation std (log scale)'
set logscale y
set xrange [0.8:32.2]
set xtics autofreq
set autoscale y
set palette defined (0 '#9AD0F0', 0.5 '#3A7FB8', 1 '#00204A')
set palette maxcolors 2
set cbrange [-0.5:0.5]
set cbtics ('480' 0) scale 0
set cblabel 'Step' offset 0,0
set colorbox vertical user origin graph 1.04, graph 0 size graph 0.04, graph 1
set rmargin 9
plot 'training-tanh-orthogonal-32.dat' index 33 using 1:2 with linespoints linecolor palette cb 0 dashtype 1 pointtype 7 pointsize 0.5 notitle
unset multiplot
